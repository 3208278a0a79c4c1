export default definePageConfig({
  navigationBarTitleText: '落实任务',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
