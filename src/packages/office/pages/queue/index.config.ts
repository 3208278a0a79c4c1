export default definePageConfig({
  navigationBarTitleText: '议题审核',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 80,
});
