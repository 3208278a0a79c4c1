export default definePageConfig({
  navigationBarTitleText: '人员名录',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
