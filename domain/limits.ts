// Field limits shared by the schemas and the app's forms. Free of zod on purpose: the app imports
// these values, and anything importing a schema file would carry zod into the mini-program.

export interface TextLimit {
  min: number;
  max: number;
  label: string;
}

/** Art. 6: what a topic and its screening carry. */
export const TOPIC_LIMITS = {
  title: { min: 4, max: 60, label: '标题' },
  background: { min: 10, max: 2000, label: '背景情况' },
  research: { min: 10, max: 2000, label: '调研论证' },
  request: { min: 5, max: 2000, label: '建议与请求' },
  reason: { min: 2, max: 500, label: '退回理由' },
  opinion: { min: 2, max: 1000, label: '意见' },
  note: { min: 0, max: 500, label: '合并说明' },
} as const satisfies Record<string, TextLimit>;

/** Art. 4, 5, 7: what a meeting request, a reply and the notice carry. */
export const MEETING_LIMITS = {
  title: { min: 4, max: 60, label: '会议名称' },
  place: { min: 2, max: 60, label: '会议地点' },
  reason: { min: 2, max: 500, label: '理由' },
  replyReason: { min: 2, max: 200, label: '请假理由' },
  undoReason: { min: 2, max: 200, label: '撤销理由' },
  materialTitle: { min: 2, max: 60, label: '材料名称' },
  personName: { min: 2, max: 20, label: '代会人员姓名' },
  post: { min: 2, max: 30, label: '职务' },
  docNumber: { min: 1, max: 50, label: '文号' },
} as const satisfies Record<string, TextLimit>;

/** Art. 9: the minutes and their decided items. */
export const MINUTES_LIMITS = {
  text: { min: 10, max: 20000, label: '纪要正文' },
  decisionTitle: { min: 2, max: 60, label: '议定事项标题' },
  decisionText: { min: 2, max: 2000, label: '议定事项内容' },
  reason: { min: 2, max: 500, label: '退回理由' },
  docNumber: { min: 1, max: 50, label: '文号' },
} as const satisfies Record<string, TextLimit>;

/** Art. 9: at most this many decided items, and saved versions kept per set of minutes. */
export const MINUTES_MAX_DECISIONS = 50;
export const MINUTES_MAX_VERSIONS = 100;

/** Art. 11, Art. 3 (1): a task and what its unit reports. */
export const TASK_LIMITS = {
  title: { min: 2, max: 60, label: '任务名称' },
  text: { min: 2, max: 1000, label: '落实情况' },
  reason: { min: 2, max: 500, label: '退回理由' },
  explanation: { min: 2, max: 1000, label: '未完成原因' },
  opinion: { min: 2, max: 1000, label: '下步意见' },
  fileName: { min: 1, max: 80, label: '文件名' },
} as const satisfies Record<string, TextLimit>;

/** Art. 10: the press release. */
export const PRESS_LIMITS = {
  title: { min: 4, max: 60, label: '稿件标题' },
  text: { min: 20, max: 10000, label: '稿件正文' },
  reason: { min: 2, max: 500, label: '退回理由' },
} as const satisfies Record<string, TextLimit>;
