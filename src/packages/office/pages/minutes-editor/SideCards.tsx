// The minutes editor's side column (Art. 9): the status card (review progress, 下载 .docx, the
// reviewers' page and the checklist), 印发纪要 under a 文号 once both sides approved (or what was
// issued), and the versions with their returns.
import { Input, Text, View } from '@tarojs/components';
import { MINUTES_LIMITS } from '../../../../../domain/limits';
import type { MinutesView } from '../../../../../domain/schemas/minutes';
import Btn from '../../../../components/Btn';
import { named } from '../../../../components/CountedField';
import Tap from '../../../../components/Tap';
import { formatDateCN } from '../../../../utils/date';
import { textLength } from '../../../../utils/form';
import { ROUTES, openPage } from '../../../../utils/nav';
import { minutesTagClass } from '../../../../pages/minutes/kit';
import { ReviewProgress, VersionList } from '../../../../pages/minutes/parts';
import type { Editor } from './useEditor';

export function StatusCard({ m, ed }: { m: MinutesView; ed: Editor }) {
  const { busy, current, meetingId } = ed;
  const issued = m.status === 'issued';
  return (
    <View className='card'>
      <View className='mmin-head__tags'>
        <Text className={minutesTagClass(m.status)}>{m.statusLabel}</Text>
        {current ? <Text className='tag tag--plain'>共 {m.versions.length} 稿</Text> : null}
      </View>
      <View className='mmin-head__title' role='heading' aria-level={2}>
        {m.meetingTitle}
      </View>
      <Text className='mmin-hint'>会议纪要{m.heldAt ? ` · ${formatDateCN(m.heldAt)}召开` : ''}</Text>
      {m.nextStep ? <Text className='mmin-next'>{m.nextStep}</Text> : null}
      {m.exists ? <ReviewProgress v={m} /> : null}
      {m.allowedActions.includes('document') ? (
        <View className='medit__buttons'>
          <Btn kind='default' block busy={busy === 'document'} busyText='正在生成…' disabled={busy !== null} onClick={ed.download}>
            {issued ? '下载纪要（.docx）' : '下载 .docx 预览'}
          </Btn>
        </View>
      ) : null}
      <View className='mmin-links'>
        <Tap role='link' className='mmin-link' hoverClass='mmin-link--hover' onTap={() => openPage(ROUTES.minutes, { meetingId })}>
          <Text>审核人看到的页面 ›</Text>
        </Tap>
        {issued ? (
          <Tap role='link' className='mmin-link' hoverClass='mmin-link--hover' onTap={() => openPage(ROUTES.checklist, { meetingId })}>
            <Text>落实清单 ›</Text>
          </Tap>
        ) : null}
      </View>
    </View>
  );
}

/** 印发纪要 when offered ('issue'), else the 文号 and date once issued. */
export function IssueCard({ m, ed }: { m: MinutesView; ed: Editor }) {
  const { busy, current, docNumber, docError } = ed;
  if (m.allowedActions.includes('issue')) {
    return (
      <View className='card' id='medit-issue'>
        <View className='card__head'>
          <Text className='card__title'>印发纪要</Text>
        </View>
        <Text className='medit__hint'>双方已审核第{current?.n ?? ''}稿。填写文号后以联席会议纪要形式印发（第九条）。</Text>
        <Text className='medit__label'>
          文号<Text className='medit__required'> *</Text>
        </Text>
        <Input
          className={docError ? 'medit__input medit__input--error' : 'medit__input'}
          value={docNumber}
          maxlength={MINUTES_LIMITS.docNumber.max}
          placeholder={`如：巴工联纪〔${new Date().getFullYear()}〕1号`}
          placeholderClass='medit__placeholder'
          disabled={busy !== null}
          {...named(MINUTES_LIMITS.docNumber.label, !!docError)}
          onInput={(e) => ed.typeDocNumber(e.detail.value)}
        />
        <View className='medit__foot'>
          {docError ? (
            <View className='medit__error' role='alert'>
              {docError}
            </View>
          ) : (
            <Text className='medit__error' />
          )}
          <Text className='medit__counter'>
            {textLength(docNumber)}/{MINUTES_LIMITS.docNumber.max}
          </Text>
        </View>
        <View className='medit__buttons'>
          <Btn kind='primary' block busy={busy === 'issue'} busyText='印发中…' disabled={busy !== null} onClick={ed.issue}>
            印发纪要
          </Btn>
        </View>
      </View>
    );
  }
  if (m.status !== 'issued') return null;
  return (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>已印发</Text>
      </View>
      <View className='mmin-docnumber'>
        <Text className='mmin-docnumber__label'>文号</Text>
        <Text className='mmin-docnumber__value' userSelect>
          {m.docNumber ?? ''}
        </Text>
      </View>
      {m.issuedAt ? (
        <View className='mmin-docnumber'>
          <Text className='mmin-docnumber__label'>印发日期</Text>
          <Text className='mmin-docnumber__value'>{formatDateCN(m.issuedAt)}</Text>
        </View>
      ) : null}
      <Text className='medit__hint'>议定事项 {m.decisions.length} 项，已分解落实任务 {m.decisions.reduce((a, x) => a + x.taskCount, 0)} 项。</Text>
    </View>
  );
}

export function VersionsCard({ m }: { m: MinutesView }) {
  if (m.versions.length === 0) return null;
  return (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>历次版本</Text>
        <Text className='card__more'>共 {m.versions.length} 稿</Text>
      </View>
      <VersionList v={m} />
    </View>
  );
}
