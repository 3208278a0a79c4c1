// Home's entries (issue #18): each is an action of the registry, offered when the permission table
// lets the caller's roles call it — never from a role list of home's own. The labels sit beside the
// action name; the app renders an entry by its action (which page it opens, which count it shows).
import type { ActionName } from './permissions';

export interface HomeEntryDef {
  /** the action the entry stands for: the caller may call it (the table's roles column) */
  action: ActionName;
  /** one character shown as the entry's mark */
  mark: string;
  title: string;
  /** the line under the title when the app has no count to say */
  hint: string;
  /** offered only while a meeting of the caller's org collects topics (Art. 6) */
  whileCollecting?: true;
}

/**
 * In the order home shows them. Each entry's action is the one its page is for:
 *   topic.submit — propose a topic to a meeting collecting topics (Art. 6)
 *   topic.accept — the office's screening queue (the topics it may accept)
 *   topic.addOpinion — the other side's accepted topics waiting for my side's opinion (征求意见)
 *   topic.merge — a collecting meeting's topics as the screening office sees them (it merges alike ones)
 *   topic.confirmList — the topic list both sides confirm
 *   task.exportChecklist — the whole checklist and its overdue tasks (Art. 11)
 *   compliance.org — an org's meetings, minutes and tasks by year (the meetings page, issue #19)
 *   compliance.overview — the annual assessment (Art. 12)
 *   people.create — the directory the office keeps (issue #11)
 *   settings.set — the rule parameters the offices revise (Art. 13)
 *   meeting.request — the union side requests a meeting (Art. 4)
 */
export const HOME_ENTRIES: readonly HomeEntryDef[] = [
  { action: 'topic.submit', mark: '交', title: '提交议题', hint: '议题须经深入调研、广泛论证', whileCollecting: true },
  { action: 'topic.accept', mark: '审', title: '议题审核', hint: '暂无待审核的议题' },
  { action: 'topic.addOpinion', mark: '议', title: '待提意见', hint: '暂无等待本方意见的议题', whileCollecting: true },
  { action: 'topic.merge', mark: '题', title: '会议议题', hint: '征集中会议的全部议题', whileCollecting: true },
  { action: 'topic.confirmList', mark: '确', title: '议题清单确认', hint: '双方确认后议题清单确定' },
  { action: 'task.exportChecklist', mark: '督', title: '落实清单', hint: '暂无逾期任务' },
  { action: 'compliance.org', mark: '档', title: '全部会议', hint: '历年会议按年份和状态查找，查看通知、议题、纪要与任务' },
  { action: 'compliance.overview', mark: '考', title: '年度考核', hint: '第十二条：本级及所属旗县区例会、纪要与任务落实情况' },
  { action: 'people.create', mark: '人', title: '人员名录', hint: '本方人员、角色与绑定邀请码' },
  { action: 'settings.set', mark: '规', title: '规则参数', hint: '第十三条：议题征集提前期、任务临期提醒、每年例会次数' },
  { action: 'meeting.request', mark: '提', title: '提请召开联席会议', hint: '第四条：由工会方提请，政府方同意后召开' },
];
