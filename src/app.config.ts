// Pages in the main package: home, sign-in and the meeting an attendee is invited to. Pages
// used only by office staff, and an attendee's other pages, go into sub-packages (DESIGN.md budgets).
export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/login/index',
    // Art. 5: attendees on their phones — invitations, replies, check-in at the door (a scanned
    // door code opens the check-in page, so it loads with the app)
    'pages/meeting/mine/index',
    'pages/meeting/detail/index',
    'pages/meeting/checkin/index',
  ],
  // Issue #25 (weapp main package ≤ 450 KB): every other page of an attendee, a proposer or a
  // department official is in a sub-package whose root is its own folder under pages/, so no route
  // changes (the subscription messages, the QR codes and the H5 paths name the same pages).
  // preloadRule fetches the ones home leads to while home is shown.
  subPackages: [
    // Art. 6: topics submitted, followed and answered
    { root: 'pages/topic', pages: ['submit/index', 'mine/index', 'detail/index'] },
    // Art. 11: my tasks and one task
    { root: 'pages/task', pages: ['mine/index', 'detail/index'] },
    // Art. 9: minutes read and reviewed on the phone
    { root: 'pages/minutes', pages: ['index'] },
    // settings; issue #10: which reminders reach me, 再订阅
    { root: 'pages/settings', pages: ['index', 'reminders/index'] },
    // issue #11: binding an account with an invite code (the QR opens it); 账号与安全
    { root: 'pages/bind', pages: ['index'] },
    { root: 'pages/account', pages: ['index'] },
    // the inbox: every milestone's message, and the to-dos it asks for
    { root: 'pages/inbox', pages: ['index'] },
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
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['pages/topic', 'pages/task', 'pages/minutes', 'pages/inbox'] },
  },
  // Cloud calls only; no plugins, no location, no tab bar yet.
  lazyCodeLoading: 'requiredComponents',
});
