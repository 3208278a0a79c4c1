export default definePageConfig({
  navigationBarTitleText: '会内材料',
});
