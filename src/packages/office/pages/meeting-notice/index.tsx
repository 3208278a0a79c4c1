// The meeting notice (issue #8, Art. 7, 8), `?id=`: a preview laid out as the notice reads — the
// document number (文号), time, place, who presides, the four-section agenda — from one call
// (meeting.get). The government office, and only it, issues it (allowedActions has 'issueNotice'
// once the topic list is fixed); every invitee then gets an invitation asking for a reply.
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MEETING_LIMITS } from '../../../../../domain/limits';
import Btn from '../../../../components/Btn';
import PageShell from '../../../../kit/PageShell';
import { useAction } from '../../../../kit/useAction';
import { ApiError } from '../../../../services/api';
import { formatDateCN, formatDateTimeCN } from '../../../../utils/date';
import { fieldErrorsOf, lengthError, textLength } from '../../../../utils/form';
import { MEETING_PAGES, SECTION_NUMBERS, meetingIs, openOrBack, useMeetingRecord } from '../../../../pages/meeting/detail/kit';
import { revealField } from '../meeting-request/fields';
import NoticeHistory from './NoticeHistory';
import '../../../../pages/meeting/detail/kit.css';
import './index.css';

/** Still to happen, its topic list not fixed yet: the notice is a preview of what will be issued. */
const beforeList = (state: string) => meetingIs(state, 'upcoming') && !meetingIs(state, 'list_final');

export default function MeetingNotice() {
  const { record } = useMeetingRecord(missingId);
  const { state } = record;
  const { busy, act } = useAction<'issue'>(record.reload);
  const [docNumber, setDocNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [focus, setFocus] = useState(false);

  if (state.kind !== 'ready') return <PageShell className='mnotice' state={state} skeleton={[[60, 90, 90, 80], [100, 100, 100, 60]]} onRetry={() => void record.reload()} />;

  const m = state.value;
  const canIssue = m.allowedActions.includes('issueNotice');
  const office = `${m.orgName}人民政府办公室`;
  // issue #16: once issued, the preview is the notice as issued (its record), never the live meeting
  const issued = m.notices[0] ?? null;
  const shownNumber = issued?.docNumber ?? m.docNumber ?? (canIssue ? docNumber.trim() : '');
  const when = formatDateTimeCN(issued?.plannedAt ?? m.plannedAt);
  const place = issued ? issued.place : m.place;
  const presiding = issued ? issued.presiding : m.presiding;

  const showError = (message: string) => {
    setError(message);
    setFocus(false);
    setTimeout(() => setFocus(true), 0);
    revealField('mnotice-doc');
  };

  const issue = () => {
    if (busy) return;
    const problem = lengthError(MEETING_LIMITS.docNumber, docNumber);
    if (problem) return showError(problem);
    setError(null);
    void act('issue', (w) => w('meeting.issueNotice', { meetingId: m.id, docNumber: docNumber.trim() }), {
      confirm: { title: '印发会议通知', content: `以「${docNumber.trim()}」印发后，全体参会人员将收到会议邀请并请其回复。`, confirmText: '印发' },
      apply: record.set,
      done: '会议通知已印发',
      onError: (err) => {
        const fields = fieldErrorsOf(err.details);
        if (fields.docNumber) showError(fields.docNumber);
        else setError(err.message);
      },
    });
  };

  return (
    <PageShell className='mnotice'>
      <View className='page-container'>
        {m.docNumber ? (
          <View className='notice notice--success'>
            <Text className='notice__title'>会议通知已印发</Text>
            <Text className='notice__text'>
              {m.noticeIssuedAt ? `${formatDateCN(m.noticeIssuedAt)}印发，` : ''}参会人员已收到会议邀请。
            </Text>
          </View>
        ) : canIssue ? (
          <View className='notice notice--info'>
            <Text className='notice__text'>议题清单已确定。请填写文号，核对通知内容后印发（《工作规则》第七条：会议通知由政府办公室印发）。</Text>
          </View>
        ) : (
          <View className='notice notice--warn'>
            <Text className='notice__text'>
              {beforeList(m.state) ? '议题清单确定后，由政府办公室印发会议通知。以下为预览。' : '会议通知由政府办公室印发（《工作规则》第七条）。以下为预览。'}
            </Text>
          </View>
        )}

        {canIssue ? (
          <View className='card' id='mnotice-doc'>
            <View className='mnotice__field-head'>
              <Text className='mnotice__label'>
                文号<Text className='mnotice__required'> *</Text>
              </Text>
              {error ? (
                <View className='mnotice__error' role='alert'>
                  {error}
                </View>
              ) : null}
            </View>
            <Input
              className={error ? 'minput minput--error' : 'minput'}
              value={docNumber}
              maxlength={MEETING_LIMITS.docNumber.max}
              placeholder={`如：巴政办字〔${new Date(m.plannedAt).getFullYear()}〕96号`}
              placeholderClass='mnotice__placeholder'
              focus={focus}
              disabled={busy !== null}
              onInput={(e) => {
                setDocNumber(e.detail.value);
                if (error) setError(null);
              }}
            />
            <View className='mnotice__foot'>
              <Text className='mnotice__hint'>机关代字 + 年份〔〕+ 序号 + 号，不编虚位、不加“第”</Text>
              <Text className='mnotice__counter'>
                {textLength(docNumber)}/{MEETING_LIMITS.docNumber.max}
              </Text>
            </View>
          </View>
        ) : null}

        <View className='card mdoc' aria-label='会议通知预览'>
          <Text className='mdoc__org'>{office}</Text>
          <Text className='mdoc__number'>{shownNumber || '（文号待定）'}</Text>
          <View className='mdoc__rule' />
          <View className='mdoc__title' role='heading' aria-level={2}>
            关于召开{m.title}的通知
          </View>
          <Text className='mdoc__p'>各有关单位、各位参会人员：</Text>
          <Text className='mdoc__p mdoc__indent'>
            经{m.orgName}人民政府与{m.orgName}总工会商定，定于{when}召开{m.title}。现将有关事项通知如下：
          </Text>
          <Text className='mdoc__h'>一、会议时间</Text>
          <Text className='mdoc__p mdoc__indent'>{when}</Text>
          <Text className='mdoc__h'>二、会议地点</Text>
          <Text className='mdoc__p mdoc__indent'>{place ?? '另行通知'}</Text>
          <Text className='mdoc__h'>三、主持人</Text>
          <Text className='mdoc__p mdoc__indent'>{presiding ? `${presiding.name}（${presiding.title}）` : '待定'}</Text>
          <Text className='mdoc__h'>四、会议议程</Text>
          {issued
            ? issued.agenda.map((s, i) => (
                <View key={s.key} className='mdoc__section'>
                  <Text className='mdoc__p mdoc__indent'>
                    （{SECTION_NUMBERS[i] ?? i + 1}）{s.title}
                  </Text>
                  {s.items.map((item) => (
                    <Text key={item} className='mdoc__p mdoc__item'>
                      {item}
                    </Text>
                  ))}
                </View>
              ))
            : m.agenda.sections.map((s, i) => (
            <View key={s.key} className='mdoc__section'>
              <Text className='mdoc__p mdoc__indent'>
                （{SECTION_NUMBERS[i] ?? i + 1}）{s.title}
                {s.items.length === 1 && s.items[0].id === s.key ? `：${s.items[0].title}` : s.items.length ? '：' : ''}
              </Text>
              {s.items.length > 1 || (s.items.length === 1 && s.items[0].id !== s.key)
                ? s.items.map((item, k) => (
                    <Text key={item.id} className='mdoc__p mdoc__item'>
                      {item.topicId ? '' : `${k + 1}. `}
                      {item.title}
                      {item.minutes > 0 ? `（约 ${item.minutes} 分钟）` : ''}
                    </Text>
                  ))
                : null}
            </View>
          ))}
          <Text className='mdoc__h'>五、有关要求</Text>
          <Text className='mdoc__p mdoc__indent'>
            请参会人员在联席会议小程序中回复是否参会；因故不能参会的，请说明理由或委托相关人员代会。会议当天请提前十分钟到场签到。
          </Text>
          <View className='mdoc__sign'>
            <Text className='mdoc__p'>{office}</Text>
            <Text className='mdoc__p'>{issued ? formatDateCN(issued.issuedAt) : '（印发日期）'}</Text>
          </View>
        </View>

        <NoticeHistory m={m} />

        <View className='mnotice__buttons'>
          {canIssue ? (
            <Btn kind='primary' block busy={busy === 'issue'} busyText='印发中…' onClick={() => void issue()}>
              印发会议通知
            </Btn>
          ) : null}
          <Btn kind='default' block onClick={() => openOrBack(MEETING_PAGES.console, { id: m.id })}>
            会议工作台
          </Btn>
        </View>
      </View>
    </PageShell>
  );
}

function missingId(): ApiError {
  return new ApiError('not_found', '缺少会议编号，请从会议工作台进入');
}
