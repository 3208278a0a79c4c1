// One org's year in the annual assessment (Art. 12, issue #12): `?orgId=&year=` (compliance.org).
// Its row's light with the reasons and its figures; its meetings of the year (kind, state, held
// date, the minutes' issue date — each opens the meeting's console); its overdue tasks (each opens
// the task, Art. 11); and a link to its rule parameters (Art. 13). Tables at a desk, lists on a phone.
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { OrgComplianceView } from '../../../../../domain/schemas/compliance';
import PageShell from '../../../../kit/PageShell';
import StateView from '../../../../components/StateView';
import Tap from '../../../../components/Tap';
import { useRecordPage } from '../../../../hooks/useRecordPage';
import { ApiError, call } from '../../../../services/api';
import { formatDateCN } from '../../../../utils/date';
import { ROUTES, openPage, queryValue } from '../../../../utils/nav';
import { Countdown, deadlineCN } from '../../../../pages/task/mine/kit';
import { HeadRow, Row, Table, TableLink, Td, Th } from '../../parts/Table';
import { DeadlineCell, OwnerCell } from '../../parts/TaskCells';
import { useDeskTable } from '../../parts/useDesk';
import { Figures, LightWithReasons, YearPicker, yearOf } from '../compliance/kit';
import './index.css';

type Meeting = OrgComplianceView['meetings'][number];
type Overdue = OrgComplianceView['overdue'][number];

export default function ComplianceOrg() {
  const { params } = useRouter();
  const orgId = queryValue(params, 'orgId');
  const [year, setYear] = useState(() => yearOf(queryValue(params, 'year')));
  const fetchOrg = useCallback(() => call('compliance.org', { orgId, year }), [orgId, year]);
  const record = useRecordPage<OrgComplianceView>(orgId ? fetchOrg : null, missingOrg);
  const { state } = record;
  const desk = useDeskTable();

  if (state.kind !== 'ready') return <PageShell className='cplorg' state={state} skeleton={[[60, 90], [100, 100, 100]]} onRetry={orgId ? () => void record.reload() : undefined} />;

  const { row, meetings, overdue } = state.value;
  const openMeeting = (m: Meeting) => openPage(ROUTES.meetingConsole, { id: m.id });
  const openTask = (t: Overdue) => openPage(ROUTES.taskDetail, { id: t.id });

  return (
    <PageShell className='cplorg'>
      <View className='page-container'>
        <View className='card cplorg__head'>
          <View className='cplorg__title' role='heading' aria-level={2}>
            {row.orgName} · {year}年度联席会议制度落实情况
          </View>
          <View className='cplorg__light'>
            <LightWithReasons row={row} large />
          </View>
          <View className='cplorg__tools'>
            <YearPicker year={year} onPick={setYear} />
            {/* Art. 13: the parameters the org's rules run under */}
            <Tap role='link' className='cplorg__link' hoverClass='cplorg__link--hover' onTap={() => openPage(ROUTES.orgSettings, { orgId: row.orgId })}>
              <Text>{row.orgName}规则参数 ›</Text>
            </Tap>
          </View>
          <Figures row={row} />
        </View>

        <View className='card'>
          <View className='card__head'>
            <View className='card__title' role='heading' aria-level={3}>
              本年度会议（{meetings.length}）
            </View>
          </View>
          {meetings.length === 0 ? (
            <StateView kind='empty' compact title='本年度暂无会议' />
          ) : desk ? (
            <Table label='本年度会议' className='cplorg-meetings'>
              <HeadRow>
                <Th>会议</Th>
                <Th>类型</Th>
                <Th>状态</Th>
                <Th>召开日期</Th>
                <Th>纪要印发</Th>
              </HeadRow>
              {meetings.map((m) => (
                <Row key={m.id}>
                  <Td>
                    <TableLink onOpen={() => openMeeting(m)}>{m.title}</TableLink>
                  </Td>
                  <Td>
                    <Text className='tag tag--plain'>{m.kindLabel}</Text>
                  </Td>
                  <Td>
                    <Text className='dtable__main'>{m.stateLabel}</Text>
                  </Td>
                  <Td>
                    <Text className='dtable__main'>{m.heldAt ? formatDateCN(m.heldAt) : '未召开'}</Text>
                    {m.heldAt ? null : <Text className='dtable__sub'>计划 {formatDateCN(m.plannedAt)}</Text>}
                  </Td>
                  <Td>
                    <Text className='dtable__main'>{m.minutesIssuedAt ? formatDateCN(m.minutesIssuedAt) : '未印发'}</Text>
                  </Td>
                </Row>
              ))}
            </Table>
          ) : (
            <View>
              {meetings.map((m) => (
                <Tap key={m.id} role='link' className='cplorg-item' hoverClass='cplorg-item--hover' onTap={() => openMeeting(m)}>
                  <View className='cplorg-item__head'>
                    <Text className='cplorg-item__title'>{m.title}</Text>
                    <Text className='cplorg-item__more' aria-hidden='true'>
                      ›
                    </Text>
                  </View>
                  <View className='cplorg-item__tags'>
                    <Text className='tag tag--plain'>{m.kindLabel}</Text>
                    <Text className='tag tag--merged'>{m.stateLabel}</Text>
                  </View>
                  <Text className='cplorg-item__meta'>召开：{m.heldAt ? formatDateCN(m.heldAt) : `未召开（计划 ${formatDateCN(m.plannedAt)}）`}</Text>
                  <Text className='cplorg-item__meta'>纪要印发：{m.minutesIssuedAt ? formatDateCN(m.minutesIssuedAt) : '未印发'}</Text>
                </Tap>
              ))}
            </View>
          )}
        </View>

        <View className='card'>
          <View className='card__head'>
            <View className='card__title' role='heading' aria-level={3}>
              逾期任务（{overdue.length}）
            </View>
          </View>
          {overdue.length === 0 ? (
            <StateView kind='empty' compact title='暂无逾期任务' />
          ) : desk ? (
            <Table label='逾期任务' className='cplorg-overdue'>
              <HeadRow>
                <Th>任务 · 会议</Th>
                <Th>责任单位 · 责任人</Th>
                <Th>完成时限</Th>
              </HeadRow>
              {overdue.map((t) => (
                <Row key={t.id}>
                  <Td>
                    <TableLink onOpen={() => openTask(t)}>{t.title}</TableLink>
                    <Text className='dtable__sub'>{t.meetingTitle}</Text>
                  </Td>
                  <OwnerCell unit={t.unit} ownerName={t.ownerName} />
                  <DeadlineCell deadline={t.deadline} light='red' countdown={t.countdown} />
                </Row>
              ))}
            </Table>
          ) : (
            <View>
              {overdue.map((t) => (
                <Tap key={t.id} role='link' className='cplorg-item' hoverClass='cplorg-item--hover' onTap={() => openTask(t)}>
                  <View className='cplorg-item__head'>
                    <Text className='cplorg-item__title'>{t.title}</Text>
                    <Countdown light='red' text={t.countdown} />
                  </View>
                  <Text className='cplorg-item__meta'>
                    责任：{t.unit} · {t.ownerName}
                  </Text>
                  <Text className='cplorg-item__meta'>完成时限：{deadlineCN(t.deadline)}</Text>
                  <Text className='cplorg-item__meta'>会议：{t.meetingTitle}</Text>
                </Tap>
              ))}
            </View>
          )}
        </View>
      </View>
    </PageShell>
  );
}

function missingOrg(): ApiError {
  return new ApiError('not_found', '链接缺少机构编号，请从年度考核进入');
}
