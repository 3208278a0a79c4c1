export default definePageConfig({
  navigationBarTitleText: '会议议题',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 80,
});
