export default definePageConfig({
  navigationBarTitleText: '年度考核',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
