export default definePageConfig({
  navigationBarTitleText: '起草会议纪要',
});
