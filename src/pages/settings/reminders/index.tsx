// 消息提醒 (issue #10): per reminder the person can get as a WeChat subscription message — what it
// is, whether the next one will reach them (可送达 / 需再次订阅 / 已拒绝 / 未开通, the server's
// words), for one-time reminders how many sends are left (one per consent, WeChat's rule), and
// 再订阅: a tap that asks for that one reminder again (services/subscribe.ts, forced). In a browser
// there is no WeChat panel: a stand-in answers, and a switch says whether it also asks at the
// natural taps (回复邀请, 提交议题 …) on this device. Issue #17: a WeChat message whose send was
// interrupted (the server stopped mid-send) is listed as 结果未知 — it is never sent twice, and the
// message itself is always in 消息.
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { SubscriptionItemView, SubscriptionsView, UncertainDeliveryView } from '../../../../domain/schemas/notify';
import Btn from '../../../components/Btn';
import PageShell, { LoadStates } from '../../../kit/PageShell';
import Tap from '../../../components/Tap';
import { useAction } from '../../../kit/useAction';
import { useRecordPage } from '../../../hooks/useRecordPage';
import { ApiError } from '../../../services/api';
import { askConsent, asksAtTaps, loadSubscriptions, setAsksAtTaps } from '../../../services/subscribe';
import { formatDateTimeCN } from '../../../utils/date';
import { toast } from '../../../utils/feedback';
import './index.css';

const missing = () => new ApiError('internal', '');

export default function Reminders() {
  const page = useRecordPage<SubscriptionsView>(loadSubscriptions, missing);
  const { state } = page;
  // the ask is not a write of ours (services/subscribe records it): the kit's one-at-a-time run
  const { busy, run } = useAction<string>();

  // 再订阅: the ask starts inside the tap (WeChat's rule), then the page shows what the server keeps.
  const resubscribe = (item: SubscriptionItemView) => {
    if (busy) return;
    const asked = askConsent([item.templateKey], { force: true });
    void run(item.templateKey, async () => {
      const out = await asked;
      if (out.kind === 'recorded') {
        page.set(out.view);
        const now = out.view.items.find((i) => i.templateKey === item.templateKey);
        if (out.results[item.templateKey] === 'accept') toast(now && now.kind === 'one_time' ? `已订阅，还可提醒 ${now.credits} 次` : '已订阅', 'success');
        // WeChat answers a kept 总是保持 choice without showing its panel: say where it is changed.
        else toast(process.env.TARO_ENV === 'h5' ? '未订阅该提醒' : '未订阅。如曾选择「总是保持以上选择」，可在右上角「···」→「设置」中修改');
      } else if (out.kind === 'failed') {
        toast(out.message);
      }
    });
  };

  return (
    <PageShell title='消息提醒' className='reminders'>
      <View className='page-container'>
        <View className='card reminders__intro'>
          <Text className='reminders__lead'>会议、议题、纪要和任务的重要事项，可通过微信服务通知提醒您；所有提醒同时放在「消息」里。</Text>
          <Text className='reminders__rule'>微信规定：一次性提醒每同意一次，只能发送一条。</Text>
        </View>

        {process.env.TARO_ENV === 'h5' ? <StandInSwitch /> : null}

        <LoadStates state={state} skeleton={[[70, 90, 60], [50, 90, 60]]} onRetry={() => void page.reload()} />
        {state.kind === 'ready' ? (
          <Text className='reminders__summary'>{summaryText(state.value.items)}</Text>
        ) : null}
        {state.kind === 'ready' ? (
          <View className='card reminders__list'>
            {state.value.items.map((item) => (
              <Reminder key={item.templateKey} item={item} busy={busy} onResubscribe={() => resubscribe(item)} />
            ))}
          </View>
        ) : null}
        {state.kind === 'ready' && state.value.uncertain?.length ? <Uncertain items={state.value.uncertain} /> : null}
      </View>
    </PageShell>
  );
}

/** Issue #20: what the person will miss on WeChat, said plainly (the inbox always has it). */
const MISS_TEXT: Record<Exclude<SubscriptionItemView['state'], 'on'>, string> = {
  needs_consent: '下一条此类提醒只会出现在站内消息中；点“再订阅”可在微信收到。',
  refused: '您已拒绝，此类提醒不会推送到微信，只在站内消息中。',
  unavailable: '本小程序未开通此类微信提醒，只在站内消息中。',
};

/** Issue #20: how many kinds reach WeChat and how many the person will miss there. */
function summaryText(items: readonly SubscriptionItemView[]): string {
  const on = items.filter((i) => i.state === 'on').length;
  return on === items.length ? `全部 ${on} 类提醒都能在微信收到。` : `${on} 类提醒能在微信收到，${items.length - on} 类只在站内消息中（不会错过，但需打开小程序查看）。`;
}

interface ReminderProps {
  item: SubscriptionItemView;
  busy: string | null;
  onResubscribe: () => void;
}

/** One reminder: its title and state in words, what it is for, the sends left, 再订阅. */
function Reminder({ item, busy, onResubscribe }: ReminderProps) {
  const configured = item.templateId !== null;
  const oneTime = item.kind === 'one_time';
  // A long-term reminder that reaches the person needs nothing; every other configured one can be asked again.
  const canAsk = configured && (oneTime || item.state !== 'on');
  return (
    <View className='reminder'>
      <View className='reminder__head'>
        <Text className='reminder__title'>{item.title}</Text>
        <Text className={`reminder__state reminder__state--${item.state}`}>{item.stateLabel}</Text>
      </View>
      <Text className='reminder__desc'>{item.description}</Text>
      {item.state !== 'on' ? <Text className='reminder__miss'>{MISS_TEXT[item.state]}</Text> : null}
      <View className='reminder__foot'>
        <Text className='reminder__credits'>{creditsText(item)}</Text>
        {canAsk ? (
          <Btn small kind='outline' label={`再订阅「${item.title}」`} busy={busy === item.templateKey} busyText='订阅中…' disabled={busy !== null} onClick={onResubscribe}>
            再订阅
          </Btn>
        ) : null}
      </View>
    </View>
  );
}

/** Issue #17: WeChat messages whose outcome is unknown: said plainly, never sent again. */
function Uncertain({ items }: { items: UncertainDeliveryView[] }) {
  return (
    <View className='card reminders__uncertain'>
      <View className='card__head'>
        <Text className='card__title'>结果未知的微信提醒</Text>
      </View>
      <Text className='reminder__desc'>以下提醒发送时系统中断，微信可能未送达；为避免重复打扰不再补发，内容均可在「消息」中查看。</Text>
      {items.map((u) => (
        <View key={u.id} className='reminder__foot'>
          <Text className='reminder__title'>{u.title}</Text>
          <Text className='reminder__credits'>{formatDateTimeCN(u.at)} · 结果未知</Text>
        </View>
      ))}
    </View>
  );
}

function creditsText(item: SubscriptionItemView): string {
  if (item.templateId === null) return '本系统未开通此提醒';
  if (item.kind === 'long_term') return item.state === 'on' ? '长期有效' : '同意后长期有效';
  return `还可提醒 ${item.credits} 次`;
}

/** H5: whether the stand-in panel also asks at the natural taps on this device (off by default). */
function StandInSwitch() {
  const [on, setOn] = useState(asksAtTaps);
  return (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>在浏览器中</Text>
      </View>
      <Tap
        role='switch'
        checked={on}
        label='办理时询问'
        className={on ? 'reminders-switch reminders-switch--on' : 'reminders-switch'}
        hoverClass='reminders-switch--hover'
        onTap={() => {
          setAsksAtTaps(!on);
          setOn(!on);
        }}
      >
        <View className='reminders-switch__main'>
          <Text className='reminders-switch__label'>办理时询问</Text>
        </View>
        <Text className='reminders-switch__state'>{on ? '已开启' : '未开启'}</Text>
        <View className='reminders-switch__track' aria-hidden='true'>
          <View className='reminders-switch__knob' />
        </View>
      </Tap>
      <Text className='reminders-switch__hint'>浏览器中没有微信的订阅面板。开启后，回复会议邀请、提交议题等时，像在微信中一样询问是否接收提醒。</Text>
    </View>
  );
}
