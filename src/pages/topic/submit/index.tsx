// Submit a topic for a meeting (?meetingId=), or edit one (?id=): Art. 3 category, Art. 6 side,
// background, research and request. What was typed is never lost when the server says no, and is
// kept on the device across a reload or 返回 (恢复草稿). Only the sides the person may propose for
// are offered (account.me `proposal`); the first error is scrolled into view and focused; over-long
// text is refused with a message, never cut. The parts: form.ts (the content and its rules),
// fields.tsx (the fields), useTopicForm.ts (load, draft and the writes through the page kit).
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import Btn from '../../../components/Btn';
import PageShell from '../../../kit/PageShell';
import StateView from '../../../components/StateView';
import DraftBar from '../../../components/DraftBar';
import { ROUTES, pageUrl } from '../../../utils/nav';
import { LEAD_OPTIONS, SIDE_OPTIONS, type TopicSide } from '../../../utils/topic';
import { CategoryCard, FieldHead, Segmented, TextsCard } from './fields';
import { SIDE_HINT } from './form';
import { useTopicForm } from './useTopicForm';
import './index.css';

export default function SubmitTopic() {
  const f = useTopicForm();
  const { load, form, errors, busy, draft, set } = f;
  const title = f.editing ? '修改议题' : '提交议题';
  const notice = (children: ReactNode) => (
    <PageShell className='submit' title={title}>
      <View className='page-container'>{children}</View>
    </PageShell>
  );

  if (load.kind === 'missing') {
    return notice(<StateView kind='notice' title='缺少会议信息' message='请从首页的议题征集中进入提交页面' actionText='返回首页' onAction={() => void Taro.reLaunch({ url: ROUTES.home })} />);
  }
  if (load.kind !== 'ready') {
    return <PageShell className='submit' title={title} state={load} skeleton={[[50, 90], [100, 100, 80]]} onRetry={() => void f.fetchForm()} />;
  }

  const original = load.topic;
  const proposal = load.proposal;
  if (proposal && proposal.sides.length === 0) {
    return notice(
      <StateView
        kind='notice'
        title='您不能提交议题'
        message='按《工作规则》第六条，议题由政府有关部门、工会有关部门和职工代表提出'
        actionText='返回首页'
        onAction={() => void Taro.reLaunch({ url: ROUTES.home })}
      />,
    );
  }
  const sideOptions = proposal ? SIDE_OPTIONS.filter((o) => proposal.sides.includes(o.value)) : [];
  const leadOptions = proposal ? LEAD_OPTIONS.filter((o) => proposal.leadSides.includes(o.value)) : [];
  // A joint topic whose lead this person can only be one side: that side, chosen already.
  const chooseSide = (side: TopicSide) => {
    set('side', side);
    set('leadSide', side === 'joint' && leadOptions.length === 1 ? leadOptions[0].value : '');
  };
  if (original && !original.allowedActions.includes('update')) {
    return notice(
      <StateView
        kind='notice'
        title='该议题当前不能修改'
        message={`议题状态为「${original.statusLabel}」，只有待审核或已退回的议题可以修改`}
        actionText='查看议题'
        onAction={() => void Taro.redirectTo({ url: pageUrl(ROUTES.detail, { id: original.id }) })}
      />,
    );
  }

  const meetingTitle = original?.meetingTitle ?? f.meetingTitleParam;
  const canResubmit = original?.allowedActions.includes('resubmit') ?? false;

  return notice(
    <>
      <View className='card submit-intro'>
        <Text className='submit-intro__title'>{original ? '修改议题' : '提交议题'}</Text>
        {meetingTitle ? <Text className='submit-intro__meeting'>{meetingTitle}</Text> : null}
        <Text className='submit-intro__hint'>
          议题应经过深入调研、广泛论证，写明背景情况、调研论证和建议请求。提交后由办公室审核，采纳后列入议题清单。
        </Text>
      </View>

      {draft.offer ? (
        <DraftBar
          savedAt={draft.offer.savedAt}
          onDiscard={draft.discard}
          onRestore={() => {
            const kept = draft.restore();
            if (kept) f.setForm(kept);
          }}
        />
      ) : null}

      {original?.status === 'returned' && original.returnReason ? (
        <View className='answer submit-answer'>
          <Text className='answer__label'>退回理由</Text>
          <Text className='answer__text'>{original.returnReason}</Text>
        </View>
      ) : null}

      <CategoryCard value={form.category} error={errors.category} disabled={Boolean(busy)} onChange={(c) => set('category', c)} />

      <View className='card' id='field-side'>
        <FieldHead field='side' label='提出方' error={errors.side} required={!original} />
        {original ? (
          <Text className='field__static'>{original.sideLabel}</Text>
        ) : (
          <Segmented field='side' options={sideOptions} value={form.side} disabled={Boolean(busy)} label='提出方' error={errors.side} onChange={chooseSide} />
        )}
        <Text className='field__hint'>{original ? '提出方提交后不能修改；如需更改请撤回后重新提交' : SIDE_HINT}</Text>
        {!original && form.side === 'joint' ? (
          <View className='field__sub' id='field-leadSide'>
            <FieldHead field='leadSide' label='承担主要工作的一方' error={errors.leadSide} />
            <Segmented
              field='leadSide'
              options={leadOptions}
              value={form.leadSide}
              disabled={Boolean(busy)}
              label='承担主要工作的一方'
              error={errors.leadSide}
              onChange={(v) => set('leadSide', v)}
            />
            <Text className='field__hint'>
              {leadOptions.length === 1 ? `您提出的联合议题由${leadOptions[0].label}承担主要工作，经其办公室汇总审核` : '联合议题经由承担主要工作一方的办公室汇总审核'}
            </Text>
          </View>
        ) : null}
      </View>

      <TextsCard
        form={form}
        errors={errors}
        focused={f.focused}
        disabled={Boolean(busy)}
        onBlur={(k) => f.setFocused((x) => (x === k ? null : x))}
        onInput={(k, v) => set(k, v)}
      />

      {f.refusal ? (
        <View className='notice notice--error' role='alert'>
          <Text className='notice__text'>{f.refusal}</Text>
        </View>
      ) : null}

      <View className='submit-buttons'>
        {original ? (
          <>
            <Btn kind={canResubmit ? 'outline' : 'primary'} block busy={busy === 'save'} busyText='保存中…' disabled={busy !== null} onClick={() => void f.save(false)}>
              保存修改
            </Btn>
            {canResubmit ? (
              <Btn kind='primary' block busy={busy === 'resubmit'} busyText='提交中…' disabled={busy !== null} onClick={() => void f.save(true)}>
                保存并重新提交
              </Btn>
            ) : null}
          </>
        ) : (
          <Btn kind='primary' block busy={busy === 'submit'} busyText='提交中…' onClick={() => void f.submitNew()}>
            提交议题
          </Btn>
        )}
      </View>
    </>,
  );
}
