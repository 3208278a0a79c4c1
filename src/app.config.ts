// Pages in the main package. Pages used only by office staff go into sub-packages (DESIGN.md budgets).
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index'],
  window: {
    navigationBarBackgroundColor: '#B71C1C',
    navigationBarTitleText: '联席会议',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F3F4F6',
    backgroundTextStyle: 'dark',
  },
  // Cloud calls only; no plugins, no location, no tab bar yet.
  lazyCodeLoading: 'requiredComponents',
});
