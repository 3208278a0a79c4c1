export default definePageConfig({
  navigationBarTitleText: '会议通知',
});
