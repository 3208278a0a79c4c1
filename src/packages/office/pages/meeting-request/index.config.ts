export default definePageConfig({
  navigationBarTitleText: '提请召开会议',
});
