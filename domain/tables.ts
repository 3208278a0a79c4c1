// Renders the permission matrix and the workflows as Markdown tables for reviewers (docs/).
// Generated from the same data the router and transition() use, so it cannot drift.
import { PERMISSIONS, type ActionName, type Permission } from './permissions';
import { PERMISSION_RULES } from './permission-rules';
import { ROLES, ROLE_INFO } from './roles';
import { workflowRows, type Workflow } from './workflow';
import { meetingWorkflow } from './workflows/meeting';
import { topicWorkflow } from './workflows/topic';

const WORKFLOWS: Array<Workflow<string, string>> = [meetingWorkflow as Workflow<string, string>, topicWorkflow as Workflow<string, string>];

export function permissionTable(): string {
  const head = `| 操作 | 读/写 | 行级条件 | ${ROLES.map((r) => ROLE_INFO[r].label).join(' | ')} | 系统定时 | 依据 |`;
  const sep = `|${' --- |'.repeat(ROLES.length + 5)}`;
  const rows = Object.entries(PERMISSIONS).map(([name, p]: [string, Permission]) => {
    const cells = ROLES.map((r) => (p.roles === 'anyone' || p.roles.includes(r) ? '✓' : ''));
    return `| \`${name}\` | ${p.mode === 'read' ? '读' : '写'} | ${(p.rows ?? []).join(', ') || '—'} | ${cells.join(' | ')} | ${p.system ? '✓' : ''} | ${PERMISSION_RULES[name as ActionName]} |`;
  });
  return [head, sep, ...rows].join('\n');
}

export function workflowTables(): string {
  return WORKFLOWS.map((wf) => {
    const states = Object.entries(wf.states)
      .map(([id, s]) => `| \`${id}\` | ${s.label} | ${(s.flags ?? []).join(', ') || '—'} |`)
      .join('\n');
    const edges = workflowRows(wf)
      .map((e) => `| \`${e.from}\` | \`${e.event}\` | \`${e.to}\` | ${e.roles.map((r) => ROLE_INFO[r].label).join('、')} | ${e.label} |`)
      .join('\n');
    return `### ${wf.name}\n\n| 状态 | 名称 | 标志 |\n| --- | --- | --- |\n${states}\n\n| 从 | 事件 | 到 | 可由 | 说明 |\n| --- | --- | --- | --- | --- |\n${edges}`;
  }).join('\n\n');
}

export function generatedDoc(): string {
  return [
    '# 权限矩阵与流程（自动生成）',
    '',
    '<!-- Generated from domain/permissions.ts and domain/workflows by `npm run docs`; a test fails when this file is stale. -->',
    '',
    '## 权限矩阵（角色 × 操作）',
    '',
    '行级条件：`sameOrg` 同一级联席会议；`parentOrgRead` 上级办公室只读；`ownRecord` 本人提交；`routedToMe` 议题报送给本办公室；`otherSideOfficial` 另一方的办公室、召集人或总召集人（征求意见）；`leadershipSeesAccepted` 本级领导与办公室查看已采纳议题。“系统定时”：无人调用的定时任务以系统身份经同一路由执行并留审计。',
    '',
    permissionTable(),
    '',
    '## 流程',
    '',
    workflowTables(),
    '',
  ].join('\n');
}
