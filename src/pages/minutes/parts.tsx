// The pieces both minutes pages show (Art. 9): the text and its decided items, where the two reviews
// stand, every version with the returns and approvals given on it, and the 出席 / 请假 / 列席 blocks.
// Styles: kit.css (class prefix `mmin-`; on H5 every page's CSS is global).
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { MinutesDecisionDraft, MinutesView } from '../../../domain/schemas/minutes';
import Tap from '../../components/Tap';
import { formatDateTimeShortCN } from '../../utils/date';
import { approvalsOn, returnsOn, reviewSteps } from './kit';

/** The text as paragraphs (line breaks kept on both platforms), then the decided items, numbered. */
export function MinutesBody({ text, decisions }: { text: string; decisions: ReadonlyArray<MinutesDecisionDraft & { taskCount?: number }> }) {
  return (
    <View className='mmin-body'>
      {text
        .split(/\n+/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <Text key={i} className='mmin-body__p' userSelect>
            {p}
          </Text>
        ))}
      <Text className='mmin-body__h'>议定事项</Text>
      {decisions.length === 0 ? <Text className='mmin-body__p'>（暂无）</Text> : null}
      {decisions.map((d, i) => (
        <View key={i} className='mmin-decision'>
          <Text className='mmin-decision__title'>
            {i + 1}. {d.title}
          </Text>
          <Text className='mmin-decision__text' userSelect>
            {d.text}
          </Text>
          {typeof d.taskCount === 'number' && d.taskCount > 0 ? <Text className='mmin-decision__tasks'>已分解落实任务 {d.taskCount} 项</Text> : null}
        </View>
      ))}
    </View>
  );
}

/** Art. 9: 工会方审核 then 政府方审核, each ✓ with who and when, 审核中, or not yet (in words, not colour). */
export function ReviewProgress({ v }: { v: MinutesView }) {
  return (
    <View className='mmin-steps'>
      {reviewSteps(v).map((s, i) => (
        <View key={s.key} className={`mmin-step mmin-step--${s.state}`}>
          <View className='mmin-step__mark' aria-hidden='true'>
            <Text>{s.state === 'done' ? '✓' : String(i + 1)}</Text>
          </View>
          <View className='mmin-step__body'>
            <Text className='mmin-step__title'>
              {s.side}审核：{s.state === 'done' ? '已通过' : s.state === 'waiting' ? '审核中' : '未开始'}
            </Text>
            <Text className='mmin-step__meta'>
              {s.state === 'done' && s.approval
                ? `${s.approval.byName} · 第${s.approval.version}稿 · ${formatDateTimeShortCN(s.approval.at)}`
                : s.state === 'waiting'
                  ? `待${s.who}审核`
                  : s.key === 'gov'
                    ? '工会方审核通过后进行'
                    : '纪要提交后进行'}
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}

/**
 * Every saved version, newest first, each with the returns and approvals given on it; a tap opens a
 * version's text and decided items.
 */
export function VersionList({ v }: { v: MinutesView }) {
  const [open, setOpen] = useState<number[]>([]);
  const toggle = (n: number) => setOpen((o) => (o.includes(n) ? o.filter((x) => x !== n) : [...o, n]));
  const currentN = v.current?.n;
  return (
    <View className='mmin-versions'>
      {v.versions.map((ver) => {
        const expanded = open.includes(ver.n);
        const returns = returnsOn(v, ver.n);
        const approvals = approvalsOn(v, ver.n);
        return (
          <View key={ver.n} className='mmin-version'>
            <Tap className='mmin-version__head' hoverClass='mmin-version__head--hover' onTap={() => toggle(ver.n)}>
              <View className='mmin-version__main'>
                <View className='mmin-version__line'>
                  <Text className='mmin-version__n'>第{ver.n}稿</Text>
                  {ver.n === currentN ? <Text className='tag tag--plain mmin-version__tag'>当前稿</Text> : null}
                  {returns.length ? <Text className='tag tag--returned mmin-version__tag'>被退回</Text> : null}
                </View>
                <Text className='mmin-version__meta'>
                  {ver.savedByName} 保存于 {formatDateTimeShortCN(ver.savedAt)} · 议定事项 {ver.decisions.length} 项
                </Text>
              </View>
              <Text className='mmin-version__toggle'>{expanded ? '收起' : '展开'}</Text>
            </Tap>
            {returns.map((r, i) => (
              <View key={`r${i}`} className='mmin-note mmin-note--return'>
                <Text className='mmin-note__label'>
                  退回修改 · {r.byName}（{r.stageLabel}） · {formatDateTimeShortCN(r.at)}
                </Text>
                <Text className='mmin-note__text'>{r.reason}</Text>
              </View>
            ))}
            {approvals.map((a, i) => (
              <View key={`a${i}`} className='mmin-note mmin-note--approval'>
                <Text className='mmin-note__label'>
                  ✓ 审核通过 · {a.byName}（{a.stageLabel}） · {formatDateTimeShortCN(a.at)}
                </Text>
              </View>
            ))}
            {expanded ? (
              <View className='mmin-version__body'>
                <MinutesBody text={ver.text} decisions={ver.decisions} />
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}

/** Art. 9 (the 纪要 layout): who attended, who was on leave, who sat in. */
export function AttendanceBlocks({ a }: { a: MinutesView['attendance'] }) {
  const rows: Array<[string, string[]]> = [
    ['出席', a.present],
    ['请假', a.leave],
    ['列席', a.observers],
  ];
  const shown = rows.filter(([, names]) => names.length > 0);
  if (shown.length === 0) return <Text className='mmin-hint'>暂无参会记录</Text>;
  return (
    <View>
      {shown.map(([label, names]) => (
        <View key={label} className='mmin-attend'>
          <Text className='mmin-attend__label'>{label}</Text>
          <Text className='mmin-attend__names'>{names.join('；')}</Text>
        </View>
      ))}
    </View>
  );
}
