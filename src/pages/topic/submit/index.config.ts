export default definePageConfig({
  navigationBarTitleText: '提交议题',
});
