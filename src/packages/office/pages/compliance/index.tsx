// 年度考核 — the annual assessment board (Art. 12, issue #12): how the city and each of its seven
// counties, banners and districts carried out the joint-meeting system in a year (compliance.overview):
// the regular meeting, meetings held, topics, minutes, tasks and the on-time rate, with a light per
// org (a dot and its word, never colour alone) and the reasons in words. The city's offices, convenors
// and leaders see the eight orgs in official order; a county's offices their own row. A table at a
// desk (≥ 1024 px), cards on a phone; sortable by official order (default), light or overdue tasks.
// 导出考核表 downloads the workbook (compliance.export). A row opens the org's year (compliance-org).
// `?year=` picks the year (default: this year in Shanghai).
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { ComplianceRowView, OverviewView } from '../../../../../domain/schemas/compliance';
import Btn from '../../../../components/Btn';
import OfficeNav from '../../../../components/OfficeNav';
import PageShell, { LoadStates } from '../../../../kit/PageShell';
import Tap from '../../../../components/Tap';
import { useRecordPage } from '../../../../hooks/useRecordPage';
import { fileDone, useAction } from '../../../../kit/useAction';
import { ApiError, call } from '../../../../services/api';
import { ROUTES, openPage, queryValue } from '../../../../utils/nav';
import { openExport } from '../../../../pages/meeting/detail/kit';
import { Light } from '../../../../pages/task/mine/kit';
import { HeadRow, Row, Table, TableLink, Td, Th } from '../../parts/Table';
import { useDeskTable } from '../../parts/useDesk';
import { COMPLIANCE_LIGHTS, Figures, LIGHT_WORDS, LightWithReasons, SORTS, type SortKey, YearPicker, daysText, extendedText, rateText, regularWord, sortRows, yearOf } from './kit';
import './index.css';

export default function ComplianceBoard() {
  const { params } = useRouter();
  const [year, setYear] = useState(() => yearOf(queryValue(params, 'year')));
  const [sort, setSort] = useState<SortKey>('official');
  const fetchOverview = useCallback(() => call('compliance.overview', { year }), [year]);
  const record = useRecordPage<OverviewView>(fetchOverview, noOverview);
  const { state } = record;
  const desk = useDeskTable();
  const { busy, act } = useAction<'export'>(record.reload);

  const openOrg = (r: ComplianceRowView) => openPage(ROUTES.complianceOrg, { orgId: r.orgId, year: String(year) });

  const exportBook = () => act('export', async () => openExport(await call('compliance.export', { year })), fileDone('考核表'));

  const view = state.kind === 'ready' ? state.value : null;
  const rows = view ? sortRows(view.rows, sort) : [];
  const single = view?.rows.length === 1 ? view.rows[0] : null;
  const title = single ? `${single.orgName}${year}年度联席会议制度落实情况` : `${year}年度全市联席会议制度落实情况`;

  return (
    <PageShell className='cpl' aside={<OfficeNav current='compliance' />}>
      <View className='page-container'>
        <View className='card cpl__head'>
          <View className='cpl__title' role='heading' aria-level={2}>
            {title}
          </View>
          {/* Art. 12, 13: the rules the year is judged by, by their document number */}
          <Text className='cpl__rules'>依据《联席会议工作规则》（{view?.rules ?? '巴政办字〔2024〕28号'}）第十二条</Text>
          <View className='cpl__tools'>
            <YearPicker year={year} disabled={state.kind === 'loading' || busy !== null} onPick={setYear} />
            <View className='cpl__actions'>
              <Tap role='link' className='cpl__link' hoverClass='cpl__link--hover' onTap={() => openPage(ROUTES.orgSettings)}>
                <Text>规则参数</Text>
              </Tap>
              <Btn kind='outline' busy={busy === 'export'} busyText='导出中…' disabled={!view || busy !== null} onClick={() => void exportBook()}>
                导出考核表
              </Btn>
            </View>
          </View>
        </View>

        {state.kind !== 'ready' || rows.length === 0 ? (
          <LoadStates state={state} onRetry={() => void record.reload()} empty={{ title: '暂无考核数据', message: '没有可查看的机构' }} />
        ) : (
          <View>
            <View className='cpl__summary' role='group' aria-label='督办状态统计'>
              <Text className='cpl__summary-total'>共 {rows.length} 个机构：</Text>
              {COMPLIANCE_LIGHTS.map((l) => (
                <View key={l} className='cpl__summary-item'>
                  <Light light={l} label={`${LIGHT_WORDS[l]} ${rows.filter((r) => r.light === l).length}`} />
                </View>
              ))}
            </View>

            {rows.length > 1 ? (
              <View className='cpl__sorts' role='tablist' aria-label='排序方式'>
                {SORTS.map((s) => (
                  <Tap key={s.key} role='tab' current={sort === s.key} className={sort === s.key ? 'cpl__sort cpl__sort--on' : 'cpl__sort'} onTap={() => setSort(s.key)}>
                    <Text>{s.label}</Text>
                  </Tap>
                ))}
              </View>
            ) : null}

            {desk ? (
              <ComplianceTable rows={rows} onOpen={openOrg} />
            ) : (
              <View>
                {rows.map((r) => (
                  <Tap key={r.orgId} role='link' className={`card cpl-card cpl-card--${r.light}`} hoverClass='cpl-card--hover' onTap={() => openOrg(r)}>
                    <View className='cpl-card__head'>
                      <Text className='cpl-card__name'>{r.orgName}</Text>
                      <Text className='cpl-card__more' aria-hidden='true'>
                        查看 ›
                      </Text>
                    </View>
                    <LightWithReasons row={r} />
                    <Figures row={r} />
                  </Tap>
                ))}
              </View>
            )}
            <Text className='cpl__note'>
              按期办结率：按完成时限办结的任务占已办结任务的比例。纪要平均用时：会议召开至纪要印发的天数。督办状态：当年未召开例会（第四季度起）或有逾期任务为“需督促”，例会未召开或有临期任务为“需关注”。
            </Text>
          </View>
        )}
      </View>
    </PageShell>
  );
}

/** Never shown: the board always reads something (the server refuses those who may not). */
function noOverview(): ApiError {
  return new ApiError('not_found', '考核数据不存在');
}

/** The desk layout: one row per org, the figures the assessment compares, the light with its reasons. */
function ComplianceTable({ rows, onOpen }: { rows: ComplianceRowView[]; onOpen: (r: ComplianceRowView) => void }) {
  return (
    <Table label='年度考核' className='cpl-table'>
      <HeadRow>
        <Th>机构</Th>
        <Th>年度例会</Th>
        <Th>召开会议</Th>
        <Th>
          <Text className='dtable__main'>议题</Text>
          <Text className='dtable__sub'>提出/采纳</Text>
        </Th>
        <Th>
          <Text className='dtable__main'>纪要</Text>
          <Text className='dtable__sub'>印发 · 平均用时</Text>
        </Th>
        <Th>
          <Text className='dtable__main'>任务</Text>
          <Text className='dtable__sub'>总数/办结/逾期</Text>
        </Th>
        <Th>按期办结率</Th>
        <Th>督办</Th>
      </HeadRow>
      {rows.map((r) => {
        const regular = regularWord(r);
        return (
          <Row key={r.orgId}>
            <Td>
              <TableLink onOpen={() => onOpen(r)}>{r.orgName}</TableLink>
            </Td>
            <Td>
              <Text className={regular.cls}>{regular.text}</Text>
            </Td>
            <Td className='dtable__cell--num'>
              <Text className='dtable__main'>{r.meetingsHeld} 次</Text>
            </Td>
            <Td className='dtable__cell--num'>
              <Text className='dtable__main'>
                {r.topicsSubmitted} / {r.topicsAccepted}
              </Text>
            </Td>
            <Td className='dtable__cell--num'>
              <Text className='dtable__main'>{r.minutesIssued} 份</Text>
              <Text className='dtable__sub'>{r.daysToMinutes === null ? '未印发' : `平均 ${daysText(r.daysToMinutes)}`}</Text>
            </Td>
            <Td className='dtable__cell--num'>
              <Text className='dtable__main'>
                {r.tasksTotal} / {r.tasksDone} / <Text className={r.tasksOverdue > 0 ? 'cpl-table__bad' : 'cpl-table__ok'}>{r.tasksOverdue}</Text>
              </Text>
            </Td>
            <Td className='dtable__cell--num'>
              <Text className='dtable__main'>{rateText(r.onTimeRate)}</Text>
              <Text className='dtable__sub'>{extendedText(r.tasksExtended)}</Text>
            </Td>
            <Td>
              <LightWithReasons row={r} />
            </Td>
          </Row>
        );
      })}
    </Table>
  );
}
