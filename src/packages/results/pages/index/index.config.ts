export default definePageConfig({
  navigationBarTitleText: '落实情况',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
