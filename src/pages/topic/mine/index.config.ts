export default definePageConfig({
  navigationBarTitleText: '我的议题',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 80,
});
