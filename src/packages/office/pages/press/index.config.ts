export default definePageConfig({
  navigationBarTitleText: '宣传报道',
  enablePullDownRefresh: true,
});
