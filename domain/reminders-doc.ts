// Issue #20: the route table of every milestone, generated into docs/reminders.md by `npm run docs`
// (a test fails when the file is stale).
import { MILESTONES, MILESTONE_ROUTES, RULES_MILESTONES } from './subscriptions';
import { MILESTONE_RECIPIENTS, TEMPLATES } from './subscription-texts';

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function remindersDoc(): string {
  const rows = MILESTONES.map((m) => {
    const r = MILESTONE_ROUTES[m];
    const channel = r.route === 'both' ? `站内 + 微信「${TEMPLATES[r.template ?? 'chase'].title}」${r.strong ? ' + 短信' : ''}` : '站内';
    return `| \`${m}\` | ${cell(MILESTONE_RECIPIENTS[m])} | ${channel} | ${r.needsAction ? '是' : '—'} | ${(r.closedBy ?? []).map((a) => `\`${a}\``).join(' ') || '—'} |`;
  });
  const rules = RULES_MILESTONES.map((x) => `| ${x.rule} | ${x.milestones.map((m) => `\`${m}\``).join(' ')} |`);
  const templates = Object.entries(TEMPLATES).map(([k, t]) => `| \`${k}\` | ${t.title} | ${t.fields.map((f) => `${f.name} ${f.label}`).join('，')} |`);
  return [
    '# 消息提醒路由（自动生成）',
    '',
    '<!-- Generated from domain/subscriptions.ts by `npm run docs`; a test fails when this file is stale. -->',
    '',
    '## RULES.md 各节点',
    '',
    '| 节点 | 消息 |',
    '| --- | --- |',
    ...rules,
    '',
    '## 每类消息的路由',
    '',
    '“待办”：消息请收件人办理某事，办理后（任何一位被请求的人办理）即关闭；“短信”：配置短信后，微信无法送达的人以短信补发。',
    '',
    '| 消息 | 收件人 | 渠道 | 待办 | 由以下操作关闭 |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '## 订阅消息模板',
    '',
    '| 键 | 模板标题 | 关键词 |',
    '| --- | --- | --- |',
    ...templates,
    '',
  ].join('\n');
}
