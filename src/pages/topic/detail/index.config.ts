export default definePageConfig({
  navigationBarTitleText: '议题详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
