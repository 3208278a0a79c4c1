export default definePageConfig({
  navigationBarTitleText: '机构年度落实情况',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
