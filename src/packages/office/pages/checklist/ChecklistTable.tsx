// The checklist board's desk table (index.tsx, ≥ 1024 px): one row per task, opening the task.
import { Text } from '@tarojs/components';
import type { TaskCardView } from '../../../../../domain/schemas/task';
import { ROUTES, openPage } from '../../../../utils/nav';
import { Light, deadlineCN, needsExplaining } from '../../../../pages/task/mine/kit';
import { HeadRow, Row, Table, TableLink, Td, Th } from '../../parts/Table';
import { DeadlineCell, OwnerCell } from '../../parts/TaskCells';

/** The desk layout's table: light, task and decided item, unit and person, deadline, state, explanation. */
export default function ChecklistTable({ items, withMeeting }: { items: TaskCardView[]; withMeeting: boolean }) {
  return (
    <Table label='落实清单' className='cl-table'>
      <HeadRow>
        <Th>督办</Th>
        <Th>任务 · 议定事项</Th>
        <Th>责任单位 · 责任人</Th>
        <Th>完成时限</Th>
        <Th>状态</Th>
        <Th>未完成说明</Th>
      </HeadRow>
      {items.map((t) => (
        <Row key={t.id}>
          <Td>
            <Light light={t.light} label={t.lightLabel} />
          </Td>
          <Td>
            <TableLink onOpen={() => openPage(ROUTES.taskDetail, { id: t.id })}>{t.title}</TableLink>
            <Text className='dtable__sub'>{withMeeting ? `${t.meetingTitle} · ${t.decisionTitle}` : t.decisionTitle}</Text>
          </Td>
          <OwnerCell unit={t.unit} ownerName={t.ownerName} />
          <DeadlineCell deadline={t.deadline} light={t.light} countdown={t.countdown} />
          <Td>
            <Text className={t.status === 'awaiting_verification' ? 'tag tag--merged' : t.status === 'done' ? 'tag tag--plain' : 'tag tag--submitted'}>{t.statusLabel}</Text>
          </Td>
          <Td>
            {needsExplaining(t) ? (
              <Text className='tag tag--returned'>待说明</Text>
            ) : (
              <Text className='dtable__sub'>{t.status !== 'done' && t.explained ? '已说明' : '—'}</Text>
            )}
            {t.deadlineRequested ? <Text className='tag tag--submitted clboard__requested'>延期申请 · 延至 {deadlineCN(t.deadlineRequested)}</Text> : null}
          </Td>
        </Row>
      ))}
    </Table>
  );
}
