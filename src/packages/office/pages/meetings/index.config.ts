export default definePageConfig({
  navigationBarTitleText: '全部会议',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
