// The contract by action name: what each action takes and answers. The server's defineAction
// checks its handler against it and the app's `call` is typed by it, so the two cannot drift.
import type * as z from 'zod/mini';
import type { ActionName } from './permissions';
import type { HomeInput, HomeView, MeInput, MeView } from './schemas/account';
import type {
  AttendanceView,
  CancelMeetingInput,
  CheckInCodeView,
  BoardInput,
  BoardView,
  DoorTokenView,
  AttachMaterialInput,
  MaterialInput,
  MaterialLinkView,
  SeatingView,
  SetSeatingInput,
  CheckInInput,
  NoticeDocumentInput,
  SignInSheetInput,
  MeetingArchiveInput,
  UndoCheckInInput,
  CheckInView,
  DeclineMeetingInput,
  FileLinkView,
  InviteInput,
  IssueNoticeInput,
  ListMeetingsInput,
  MeetingIdOnly,
  MeetingListView,
  MeetingResultsInput,
  MeetingResultsPageView,
  ResultsYearInput,
  ResultsYearView,
  MeetingView,
  ReplyInput,
  RequestMeetingInput,
  RescheduleInput,
  SetPresidingInput,
  UninviteInput,
  UpdateAgendaInput,
} from './schemas/meeting';
import type {
  BindInput,
  ChangePasswordInput,
  CreatePersonInput,
  ImportPeopleInput,
  ImportResultView,
  InviteView,
  ListPeopleInput,
  PeopleListView,
  PersonIdInput,
  DirectoryPersonView,
  RedeemInviteInput,
  SessionView,
  SetRolesInput,
  SignInInput,
  SignOutInput,
  UpdatePersonInput,
} from './schemas/people';
import type {
  ExportComplianceInput,
  GetSettingsInput,
  OrgComplianceInput,
  OrgComplianceView,
  OverviewInput,
  OverviewView,
  SetSettingsInput,
  SettingsView,
} from './schemas/compliance';
import type { IssueMinutesInput, MinutesIdInput, MinutesView, ReturnMinutesInput, SaveMinutesInput, SetAttendanceInput } from './schemas/minutes';
import type { DraftPressInput, PressIdInput, PressView, ReturnPressInput } from './schemas/press';
import type {
  AssignTaskInput,
  CompleteTaskInput,
  EvidenceLinkInput,
  ExplainTaskInput,
  ExportChecklistInput,
  ListTasksInput,
  ReportTaskInput,
  SendBackTaskInput,
  TaskIdInput,
  RequestDeadlineInput,
  DecideDeadlineInput,
  SetDeadlineInput,
  TaskListView,
  TaskView,
} from './schemas/task';
import type { ChaseInput, ChaseView, InboxInput, InboxView, MarkReadInput, RecordConsentInput, SubscriptionsInput, SubscriptionsView, UnreadCountInput } from './schemas/notify';
import type { SweepInput, SweepResult, TickInput, TickResult } from './schemas/system';
import type {
  AddOpinionInput,
  NoOpinionAllInput,
  NoOpinionInput,
  ConfirmListInput,
  ExportRepliesInput,
  ListStatusInput,
  ListTopicsInput,
  MeetingIdInput,
  MergeTopicInput,
  ReturnTopicInput,
  SubmitTopicInput,
  TopicIdInput,
  TopicListStatusView,
  TopicListView,
  TopicView,
  TopicDetailView,
  UpdateTopicInput,
} from './schemas/topic';

type Io<S extends z.ZodMiniType, O> = { input: z.input<S>; output: O };

export interface Contract {
  'account.me': Io<typeof MeInput, MeView>;
  'account.home': Io<typeof HomeInput, HomeView>;
  'account.signIn': Io<typeof SignInInput, SessionView>;
  'account.redeemInvite': Io<typeof RedeemInviteInput, SessionView>;
  'account.bind': Io<typeof BindInput, MeView>;
  'account.changePassword': Io<typeof ChangePasswordInput, SessionView | { ok: true }>;
  'account.signOut': Io<typeof SignOutInput, { ok: true }>;
  'people.list': Io<typeof ListPeopleInput, PeopleListView>;
  'people.get': Io<typeof PersonIdInput, DirectoryPersonView>;
  'people.create': Io<typeof CreatePersonInput, { id: string }>;
  'people.update': Io<typeof UpdatePersonInput, DirectoryPersonView>;
  'people.setRoles': Io<typeof SetRolesInput, DirectoryPersonView>;
  'people.deactivate': Io<typeof PersonIdInput, DirectoryPersonView>;
  'people.import': Io<typeof ImportPeopleInput, ImportResultView>;
  'people.inviteCode': Io<typeof PersonIdInput, InviteView>;
  'topic.submit': Io<typeof SubmitTopicInput, TopicView>;
  'topic.update': Io<typeof UpdateTopicInput, TopicView>;
  'topic.withdraw': Io<typeof TopicIdInput, TopicView>;
  'topic.resubmit': Io<typeof TopicIdInput, TopicView>;
  'topic.accept': Io<typeof TopicIdInput, TopicView>;
  'topic.return': Io<typeof ReturnTopicInput, TopicView>;
  'topic.merge': Io<typeof MergeTopicInput, TopicView>;
  'topic.addOpinion': Io<typeof AddOpinionInput, TopicView>;
  'topic.noOpinion': Io<typeof NoOpinionInput, TopicView>;
  'topic.noOpinionAll': Io<typeof NoOpinionAllInput, TopicListStatusView>;
  'topic.confirmList': Io<typeof ConfirmListInput, TopicListStatusView>;
  'topic.revokeConfirmation': Io<typeof MeetingIdInput, TopicListStatusView>;
  'topic.list': Io<typeof ListTopicsInput, TopicListView>;
  'topic.get': Io<typeof TopicIdInput, TopicDetailView>;
  'topic.listStatus': Io<typeof ListStatusInput, TopicListStatusView>;
  'topic.exportReplies': Io<typeof ExportRepliesInput, FileLinkView>;
  'meeting.request': Io<typeof RequestMeetingInput, { id: string }>;
  'meeting.accept': Io<typeof MeetingIdOnly, MeetingView>;
  'meeting.decline': Io<typeof DeclineMeetingInput, MeetingView>;
  'meeting.openCollection': Io<typeof MeetingIdOnly, MeetingView>;
  'meeting.reschedule': Io<typeof RescheduleInput, MeetingView>;
  'meeting.invite': Io<typeof InviteInput, AttendanceView>;
  'meeting.uninvite': Io<typeof UninviteInput, AttendanceView>;
  'meeting.setPresiding': Io<typeof SetPresidingInput, MeetingView>;
  'meeting.updateAgenda': Io<typeof UpdateAgendaInput, MeetingView>;
  'meeting.issueNotice': Io<typeof IssueNoticeInput, MeetingView>;
  'meeting.reply': Io<typeof ReplyInput, MeetingView>;
  'meeting.checkInCode': Io<typeof MeetingIdOnly, CheckInCodeView>;
  'meeting.checkIn': Io<typeof CheckInInput, CheckInView>;
  'meeting.doorToken': Io<typeof MeetingIdOnly, DoorTokenView>;
  'meeting.board': Io<typeof BoardInput, BoardView>;
  'meeting.advanceAgenda': Io<typeof MeetingIdOnly, MeetingView>;
  'meeting.attachMaterial': Io<typeof AttachMaterialInput, MeetingView>;
  'meeting.material': Io<typeof MaterialInput, MaterialLinkView>;
  'meeting.seating': Io<typeof MeetingIdOnly, SeatingView>;
  'meeting.setSeating': Io<typeof SetSeatingInput, SeatingView>;
  'meeting.seatingDocument': Io<typeof MeetingIdOnly, FileLinkView>;
  'meeting.nameCards': Io<typeof MeetingIdOnly, FileLinkView>;
  'meeting.undoCheckIn': Io<typeof UndoCheckInInput, AttendanceView>;
  'meeting.start': Io<typeof MeetingIdOnly, MeetingView>;
  'meeting.adjourn': Io<typeof MeetingIdOnly, MeetingView>;
  'meeting.cancel': Io<typeof CancelMeetingInput, MeetingView>;
  'meeting.attendance': Io<typeof MeetingIdOnly, AttendanceView>;
  'meeting.exportAttendance': Io<typeof MeetingIdOnly, FileLinkView>;
  'meeting.noticeDocument': Io<typeof NoticeDocumentInput, FileLinkView>;
  'meeting.signInSheet': Io<typeof SignInSheetInput, FileLinkView>;
  'meeting.archive': Io<typeof MeetingArchiveInput, FileLinkView>;
  'meeting.list': Io<typeof ListMeetingsInput, MeetingListView>;
  'meeting.get': Io<typeof MeetingIdOnly, MeetingView>;
  'meeting.results': Io<typeof MeetingResultsInput, MeetingResultsPageView>;
  'meeting.resultsYear': Io<typeof ResultsYearInput, ResultsYearView>;
  'minutes.save': Io<typeof SaveMinutesInput, MinutesView>;
  'minutes.setAttendance': Io<typeof SetAttendanceInput, MinutesView>;
  'minutes.submit': Io<typeof MinutesIdInput, MinutesView>;
  'minutes.approve': Io<typeof MinutesIdInput, MinutesView>;
  'minutes.return': Io<typeof ReturnMinutesInput, MinutesView>;
  'minutes.issue': Io<typeof IssueMinutesInput, MinutesView>;
  'minutes.get': Io<typeof MinutesIdInput, MinutesView>;
  'minutes.document': Io<typeof MinutesIdInput, FileLinkView>;
  'task.assign': Io<typeof AssignTaskInput, { id: string }>;
  'task.report': Io<typeof ReportTaskInput, TaskView>;
  'task.complete': Io<typeof CompleteTaskInput, TaskView>;
  'task.verify': Io<typeof TaskIdInput, TaskView>;
  'task.sendBack': Io<typeof SendBackTaskInput, TaskView>;
  'task.explain': Io<typeof ExplainTaskInput, TaskView>;
  'task.requestDeadline': Io<typeof RequestDeadlineInput, TaskView>;
  'task.decideDeadline': Io<typeof DecideDeadlineInput, TaskView>;
  'task.setDeadline': Io<typeof SetDeadlineInput, TaskView>;
  'task.list': Io<typeof ListTasksInput, TaskListView>;
  'task.get': Io<typeof TaskIdInput, TaskView>;
  'task.evidence': Io<typeof EvidenceLinkInput, FileLinkView>;
  'task.exportChecklist': Io<typeof ExportChecklistInput, FileLinkView>;
  'press.draft': Io<typeof DraftPressInput, PressView>;
  'press.approve': Io<typeof PressIdInput, PressView>;
  'press.return': Io<typeof ReturnPressInput, PressView>;
  'press.get': Io<typeof PressIdInput, PressView>;
  'notify.inbox': Io<typeof InboxInput, InboxView>;
  'notify.unreadCount': Io<typeof UnreadCountInput, { unread: number }>;
  'notify.markRead': Io<typeof MarkReadInput, { unread: number }>;
  'compliance.overview': Io<typeof OverviewInput, OverviewView>;
  'compliance.org': Io<typeof OrgComplianceInput, OrgComplianceView>;
  'compliance.export': Io<typeof ExportComplianceInput, FileLinkView>;
  'settings.get': Io<typeof GetSettingsInput, SettingsView>;
  'settings.set': Io<typeof SetSettingsInput, SettingsView>;
  'notify.recordConsent': Io<typeof RecordConsentInput, SubscriptionsView>;
  'notify.subscriptions': Io<typeof SubscriptionsInput, SubscriptionsView>;
  'notify.chase': Io<typeof ChaseInput, ChaseView>;
  'reminders.tick': Io<typeof TickInput, TickResult>;
  'system.sweep': Io<typeof SweepInput, SweepResult>;
}

// Every action of the permission matrix has a contract entry, and nothing else does.
type Missing = Exclude<ActionName, keyof Contract>;
type Extra = Exclude<keyof Contract, ActionName>;
export const CONTRACT_COMPLETE: [Missing, Extra] extends [never, never] ? true : { missing: Missing; extra: Extra } = true;

export type ActionInput<N extends ActionName> = N extends keyof Contract ? Contract[N]['input'] : never;
export type ActionOutput<N extends ActionName> = N extends keyof Contract ? Contract[N]['output'] : never;
