export default definePageConfig({
  navigationBarTitleText: '会场座次',
});
