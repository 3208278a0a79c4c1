export default definePageConfig({
  navigationBarTitleText: '会场签到',
});
