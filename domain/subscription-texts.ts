// Issue #10, #20: what people and the docs read about the reminders — each subscription template's
// title and the line the app shows about it (notify.subscriptions), and who receives each message
// (docs/reminders.md). Kept apart from subscriptions.ts, whose tables every cloud function carries
// (the server fills in keyword fields and routes messages with them), so only the notify area and
// the docs carry this text (issues #18, #25; docs/issue-18-bundles.md).
import type { TemplateKey } from './consent';
import { TEMPLATE_FIELDS, type Milestone, type TemplateDef } from './subscriptions';

export const TEMPLATES: Record<TemplateKey, TemplateDef> = {
  meeting_notice: { title: '会议通知', description: '会议通知印发、时间地点调整时提醒您', fields: TEMPLATE_FIELDS.meeting_notice },
  reply_reminder: { title: '参会确认提醒', description: '会前 3 天仍未回复是否参会时提醒您', fields: TEMPLATE_FIELDS.reply_reminder },
  meeting_tomorrow: { title: '会议开始提醒', description: '会议前一天 18:00 提醒您明天开会', fields: TEMPLATE_FIELDS.meeting_tomorrow },
  minutes_review: { title: '审批提醒', description: '会议纪要待您审核时提醒您', fields: TEMPLATE_FIELDS.minutes_review },
  task_assigned: { title: '任务分配通知', description: '有新的落实任务交办给您时提醒您', fields: TEMPLATE_FIELDS.task_assigned },
  task_due_soon: { title: '任务到期提醒', description: '任务临近完成时限（转为黄灯）时提醒您', fields: TEMPLATE_FIELDS.task_due_soon },
  task_overdue: { title: '任务逾期提醒', description: '任务逾期未完成时，次日上午提醒您，此后每周一次', fields: TEMPLATE_FIELDS.task_overdue },
  topic_result: { title: '审核结果通知', description: '您提出的议题审核有结果时提醒您', fields: TEMPLATE_FIELDS.topic_result },
  collection_opened: { title: '议题征集通知', description: '联席会议开始征集议题时提醒您', fields: TEMPLATE_FIELDS.collection_opened },
  topic_list: { title: '议题清单通知', description: '议题清单待您确认、有变化或已确定时提醒您', fields: TEMPLATE_FIELDS.topic_list },
  approval_result: { title: '审批结果通知', description: '纪要被退回、任务核验结果、延期申请结果等有结果时提醒您', fields: TEMPLATE_FIELDS.approval_result },
  minutes_issued: { title: '公文印发通知', description: '会议纪要印发时提醒您查阅', fields: TEMPLATE_FIELDS.minutes_issued },
  chase: { title: '催办通知', description: '办公室催办您的任务、参会回复或审核时提醒您', fields: TEMPLATE_FIELDS.chase },
};

/** Who receives each message, for the generated table (docs/reminders.md). */
export const MILESTONE_RECIPIENTS: Readonly<Record<Milestone, string>> = {
  topic_submitted: '议题归口办公室',
  topic_resubmitted: '议题归口办公室',
  topic_accepted: '议题提出人',
  topic_returned: '议题提出人',
  topic_merged: '议题提出人',
  opinion_requested: '另一方办公室',
  topic_list_fixed: '双方办公室、清单内议题提出人',
  topic_list_changed: '已确认一方的召集人',
  topic_list_ready: '确认清单的召集人',
  meeting_requested: '政府办公室',
  meeting_accepted: '总工会办公室',
  meeting_declined: '总工会办公室',
  collection_opened: '本级可提出议题的人员',
  meeting_notice: '参会人员',
  meeting_rescheduled: '参会人员',
  meeting_reply: '邀请方办公室',
  minutes_review: '本阶段审核人',
  minutes_returned: '总工会办公室',
  minutes_approved: '总工会办公室',
  minutes_issued: '参会人员',
  task_assigned: '责任人',
  task_completed: '交办办公室',
  task_sent_back: '责任人',
  task_verified: '责任人',
  task_deadline_requested: '交办办公室',
  task_deadline_decided: '责任人',
  task_deadline_set: '责任人',
  press_review: '另一方办公室',
  press_returned: '另一方办公室',
  press_approved: '双方办公室',
  reply_reminder: '未回复的参会人员',
  meeting_tomorrow: '确认参会的人员',
  minutes_stalled: '本阶段审核人',
  task_due_soon: '责任人',
  task_overdue: '责任人',
  task_due_today: '责任人',
  task_overdue_office: '交办办公室',
  task_escalation: '责任单位负责人、交办方召集人（每周汇总一条）',
  minutes_draft_due: '总工会办公室',
  tasks_unassigned: '交办办公室',
  chase: '被催办的人',
  leadership_role_given: '本人',
  password_reset: '本人',
  settings_changed: '双方办公室',
  topic_decided: '议题提出人（纪要印发：议定事项或未议定的原因）',
  topic_task_assigned: '议题提出人（议定事项交办落实）',
  topic_task_done: '议题提出人（落实任务核验办结）',
};
