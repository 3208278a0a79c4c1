export default definePageConfig({
  navigationBarTitleText: '会议工作台',
});
