export default definePageConfig({
  navigationBarTitleText: '落实清单',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
