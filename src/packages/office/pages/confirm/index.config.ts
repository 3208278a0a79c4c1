export default definePageConfig({
  navigationBarTitleText: '议题清单确认',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 80,
});
