// Pages in the main package. Pages used only by office staff go into sub-packages (DESIGN.md budgets).
export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/login/index',
    'pages/topic/submit/index',
    'pages/topic/mine/index',
    'pages/topic/detail/index',
    'pages/inbox/index',
    'pages/settings/index',
    // issue #10: which reminders reach me, 再订阅
    'pages/settings/reminders/index',
    // Art. 5: attendees on their phones — invitations, replies, check-in at the door
    'pages/meeting/mine/index',
    'pages/meeting/detail/index',
    'pages/meeting/checkin/index',
    // Art. 9, 11: minutes read and reviewed on the phone; my tasks and one task
    'pages/minutes/index',
    'pages/task/mine/index',
    'pages/task/detail/index',
    // issue #11: binding an account with an invite code (the QR opens it); 账号与安全
    'pages/bind/index',
    'pages/account/index',
  ],
  subPackages: [
    {
      // Office and convenor work: screening the topics, a meeting's topics and the opinion round,
      // confirming the topic list (Art. 6).
      root: 'packages/office',
      // Art. 4, 7: requesting a meeting, its console, the notice.
      pages: [
        'pages/queue/index', 'pages/confirm/index', 'pages/topics/index',
        'pages/meeting/index', 'pages/meeting-request/index', 'pages/meeting-notice/index',
        // Art. 9, 10, 11: the minutes editor, the checklist board, the press release
        'pages/minutes-editor/index', 'pages/checklist/index', 'pages/press/index',
        // issue #11: the org's directory, one person (create, edit, invite code), the xlsx import
        'pages/people/index', 'pages/person/index', 'pages/people-import/index',
        // issue #12 (Art. 12, 13): the annual assessment board, one org's year, an org's rule parameters
        'pages/compliance/index', 'pages/compliance-org/index', 'pages/settings/index',
        // issue #19: every meeting of the org by year and state, each with its dossier
        'pages/meetings/index',
        // issue #22: the door screen (rotating QR and the live board)
        'pages/door/index', 'pages/screen/index', 'pages/seating/index', 'pages/material/index',
      ],
    },
    // issue #23: 落实情况 of a meeting, for its invitees and the proposers of its topics (not in the main package)
    { root: 'packages/results', pages: ['pages/index/index'] },
  ],
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
