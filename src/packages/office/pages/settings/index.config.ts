export default definePageConfig({
  navigationBarTitleText: '规则参数',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
