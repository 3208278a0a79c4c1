// The minutes editor's form (Art. 9): 纪要正文, the decided items (add, remove, reorder; each with
// the listed topics it answers, issue #23), the topics not taken up, and 保存为第N稿 / 提交审核.
// For a reader while the draft is under review or issued: the text as saved (DraftText).
import { Input, Text, View } from '@tarojs/components';
import { MINUTES_LIMITS, MINUTES_MAX_DECISIONS } from '../../../../../domain/limits';
import type { MinutesView } from '../../../../../domain/schemas/minutes';
import Btn from '../../../../components/Btn';
import CountedField, { named } from '../../../../components/CountedField';
import { Refusal } from '../../../../kit/PageShell';
import StateView from '../../../../components/StateView';
import { formatDateTimeShortCN } from '../../../../utils/date';
import { MinutesBody } from '../../../../pages/minutes/parts';
import type { Draft } from './model';
import { DecisionTopics, NotTakenUp } from './TopicLinks';
import type { Editor } from './useEditor';

/** The form: what is typed is `d` (the editor's draft). */
export default function DraftEditor({ m, d, ed }: { m: MinutesView; d: Draft; ed: Editor }) {
  const { busy, errors, refusal, dirty, autosavedAt, current, edit, setDecision, move, add, remove } = ed;
  const allowed = (a: string) => m.allowedActions.includes(a);
  const nextN = (m.versions[0]?.n ?? 0) + 1;
  return (
    <>
      <View className='card' id='medit-text'>
        <View className='card__head'>
          <Text className='card__title'>纪要正文</Text>
          <Text className='card__more'>{dirty ? '有未保存的修改' : autosavedAt && current ? `已自动保存为第${current.n}稿 ${formatDateTimeShortCN(autosavedAt)}` : current ? `与第${current.n}稿相同` : '尚未保存'}</Text>
        </View>
        <Text className='medit__hint'>写明会议概况、听取和研究的事项；议定事项在下方逐项列出。</Text>
        <CountedField
          area
          block='medit'
          className='medit__area medit__area--text'
          errorClass='medit__area--error'
          label={MINUTES_LIMITS.text.label}
          value={d.text}
          max={MINUTES_LIMITS.text.max}
          placeholder='会议由……主持。会议听取了……，研究了……。会议认为……'
          error={errors.text}
          disabled={busy !== null}
          onInput={(x) => edit((y) => ({ ...y, text: x }), 'text')}
        />
      </View>

      <View className='card'>
        <View className='card__head'>
          <Text className='card__title'>议定事项（{d.decisions.length} 项）</Text>
        </View>
        <Text className='medit__hint'>每项议定事项印发后分解为落实任务（第十一条），请一项一事，写明牵头单位和要求。</Text>
        {errors.decisions ? (
          <View className='medit__error medit__error--block' role='alert'>
            {errors.decisions}
          </View>
        ) : null}
        {d.decisions.map((it, i) => {
          const titleError = errors[`d${it.key}.title`];
          const textError = errors[`d${it.key}.text`];
          return (
            <View key={it.key} className='medit-decision' role='group' aria-label={`议定事项第 ${i + 1} 项`}>
              <View className='medit-decision__head'>
                <Text className='medit-decision__n'>第 {i + 1} 项</Text>
                <View className='medit-decision__tools'>
                  <Btn kind='default' small label={`上移第 ${i + 1} 项`} disabled={busy !== null || i === 0} onClick={() => move(i, -1)}>
                    上移
                  </Btn>
                  <Btn kind='default' small label={`下移第 ${i + 1} 项`} disabled={busy !== null || i === d.decisions.length - 1} onClick={() => move(i, 1)}>
                    下移
                  </Btn>
                  <Btn kind='outline' small label={`删除第 ${i + 1} 项`} disabled={busy !== null || d.decisions.length <= 1} onClick={() => remove(i)}>
                    删除
                  </Btn>
                </View>
              </View>
              <Input
                className={titleError ? 'medit__input medit__input--error' : 'medit__input'}
                value={it.title}
                maxlength={MINUTES_LIMITS.decisionTitle.max}
                placeholder='事项标题，如：开展职工技能提升行动'
                placeholderClass='medit__placeholder'
                disabled={busy !== null}
                {...named(`第 ${i + 1} 项标题`, !!titleError)}
                onInput={(e) => setDecision(it.key, 'title', e.detail.value)}
              />
              {titleError ? <Text className='medit__error medit__error--block'>{titleError}</Text> : null}
              <CountedField
                area
                block='medit'
                className='medit__area medit__area--decision'
                errorClass='medit__area--error'
                label={`第 ${i + 1} 项内容`}
                value={it.text}
                max={MINUTES_LIMITS.decisionText.max}
                placeholder='事项内容：由谁牵头、做什么、何时完成'
                error={textError}
                disabled={busy !== null}
                onInput={(x) => setDecision(it.key, 'text', x)}
              />
              <DecisionTopics
                n={i + 1} topics={m.listedTopics ?? []} value={it.topicIds ?? []} disabled={busy !== null}
                elsewhere={new Set([...d.decisions.filter((x) => x.key !== it.key).flatMap((x) => x.topicIds ?? []), ...(d.notTakenUp ?? []).map((x) => x.topicId)])}
                onChange={(ids) => edit((x) => ({ ...x, decisions: x.decisions.map((y) => (y.key === it.key ? { ...y, topicIds: ids } : y)), notTakenUp: (x.notTakenUp ?? []).filter((s) => !ids.includes(s.topicId)) }))}
              />
            </View>
          );
        })}
        <View className='medit__add'>
          <Btn kind='default' block disabled={busy !== null || d.decisions.length >= MINUTES_MAX_DECISIONS} onClick={add}>
            ＋ 添加议定事项
          </Btn>
        </View>
      </View>
      <NotTakenUp
        topics={m.listedTopics ?? []} answered={new Set(d.decisions.flatMap((x) => x.topicIds ?? []))} value={d.notTakenUp ?? []} disabled={busy !== null}
        onChange={(v) => edit((x) => ({ ...x, notTakenUp: v }))}
      />

      <Refusal text={refusal} />
      <View className='medit__actions'>
        <Btn kind='primary' busy={busy === 'save'} busyText='保存中…' disabled={busy !== null} onClick={ed.save}>
          保存为第{nextN}稿
        </Btn>
        {allowed('submit') ? (
          <Btn kind='outline' busy={busy === 'submit'} busyText='提交中…' disabled={busy !== null} onClick={ed.submit}>
            提交审核
          </Btn>
        ) : null}
      </View>
      {current && !m.attendanceList.confirmed ? <Text className='medit__hint'>请先在下方确认出席情况，再提交审核。</Text> : null}
    </>
  );
}

/** The text as saved, when it cannot be edited (under review, approved, issued) or not yet drafted. */
export function DraftText({ m }: { m: MinutesView }) {
  const current = m.current;
  const issued = m.status === 'issued';
  return (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>{current ? (issued ? '纪要正文' : `纪要正文（第${current.n}稿）`) : '纪要正文'}</Text>
      </View>
      {current ? (
        <>
          <Text className='medit__hint'>
            {current.savedByName} 保存于 {formatDateTimeShortCN(current.savedAt)}
            {issued ? '' : m.status === 'approved' ? '。双方已审核，不能再修改，待印发。' : `。纪要${m.statusLabel}，审核期间不能修改；被退回后可修改。`}
          </Text>
          <MinutesBody text={current.text} decisions={issued && m.decisions.length ? m.decisions : current.decisions} />
        </>
      ) : (
        <StateView kind='empty' compact title='纪要尚未起草' />
      )}
    </View>
  );
}
