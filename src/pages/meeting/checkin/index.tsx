// Check-in at the door (issue #8, Art. 5). The QR opens this page with `scene` (WeChat hands it over
// still percent-encoded; utils/nav's queryValue decodes it), a link may name `meetingId` and `code`,
// and `meetingId` alone asks for the 6-digit code. The one call is meeting.checkIn. When it gets no
// answer (a venue's weak network) the attempt is kept on the phone with its idempotency key
// (pending.ts), the page says 已离线保存，联网后自动签到, and it is sent again — same key — when the
// network returns (a browser's `online` event, WeChat's network status) and on a timer.
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { parseCheckInScene } from '../../../../domain/meeting-rules';
import type { CheckInView } from '../../../../domain/schemas/meeting';
import Btn from '../../../components/Btn';
import PageShell from '../../../components/PageShell';
import StateView from '../../../components/StateView';
import { type ApiError, toApiError } from '../../../services/api';
import { redirectIfSignedOut } from '../../../utils/auth';
import { formatDateTimeShortCN } from '../../../utils/date';
import { goHome, openPage, queryValue } from '../../../utils/nav';
import { MEETING_PAGES, openOrBack } from '../detail/kit';
import { type PendingCheckIn, attemptFor, drop, keep, pendingFor, send } from './pending';
import '../detail/kit.css';
import './index.css';

type Phase =
  | { kind: 'invalid' }
  | { kind: 'code'; meetingId: string; error: string | null }
  | { kind: 'sending'; attempt: PendingCheckIn }
  | { kind: 'offline'; attempt: PendingCheckIn; tries: number }
  | { kind: 'done'; view: CheckInView }
  | { kind: 'refused'; attempt: PendingCheckIn; error: ApiError };

/** Seconds before the next automatic retry, by the number of failed tries. */
const RETRY_AFTER = [3, 5, 10, 15, 30];
const CODE = /^[0-9]{6}$/;

function initial(params: Record<string, string | undefined>): Phase {
  const scene = queryValue(params, 'scene');
  const target = scene ? parseCheckInScene(scene) : null;
  if (scene && !target) return { kind: 'invalid' };
  const meetingId = target?.meetingId ?? queryValue(params, 'meetingId');
  const code = target?.code ?? queryValue(params, 'code');
  if (!meetingId) return { kind: 'invalid' };
  if (CODE.test(code)) return { kind: 'sending', attempt: attemptFor(meetingId, code) };
  // An attempt kept from before (the page was left while offline) goes on under its key.
  const kept = pendingFor(meetingId);
  return kept ? { kind: 'sending', attempt: kept } : { kind: 'code', meetingId, error: null };
}

export default function CheckIn() {
  const { params } = useRouter();
  const [phase, setPhase] = useState<Phase>(() => initial(params));
  const [typed, setTyped] = useState('');
  const inFlight = useRef(false);
  const [retrying, setRetrying] = useState(false);
  const phaseRef = useRef(phase);
  phaseRef.current = phase;

  /** One attempt at a time (a double tap, the timer and the network event may meet). */
  const attempt = useCallback(async (a: PendingCheckIn, tries = 0) => {
    if (inFlight.current) return;
    inFlight.current = true;
    if (tries === 0) setPhase({ kind: 'sending', attempt: a });
    else setRetrying(true);
    try {
      const view = await send(a, tries > 0);
      drop(a.meetingId);
      setPhase({ kind: 'done', view });
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'network') {
        keep(a);
        setPhase({ kind: 'offline', attempt: a, tries: tries + 1 });
        return;
      }
      // Answered with a refusal: the key is free again on the server, nothing to keep.
      drop(a.meetingId);
      if (redirectIfSignedOut(error)) return;
      if (error.code === 'validation_error') setPhase({ kind: 'code', meetingId: a.meetingId, error: error.message });
      else setPhase({ kind: 'refused', attempt: a, error });
    } finally {
      inFlight.current = false;
      setRetrying(false);
    }
  }, []);

  // The first attempt, when the link carried the code (or one was kept).
  useEffect(() => {
    const p = phaseRef.current;
    if (p.kind === 'sending') void attempt(p.attempt);
  }, [attempt]);

  const retryNow = useCallback(() => {
    const p = phaseRef.current;
    if (p.kind === 'offline') void attempt(p.attempt, p.tries);
  }, [attempt]);

  // While offline: retry on a timer, when the browser says it is online, when WeChat says the
  // network is back.
  useEffect(() => {
    if (phase.kind !== 'offline') return undefined;
    const wait = RETRY_AFTER[Math.min(phase.tries - 1, RETRY_AFTER.length - 1)] * 1000;
    const timer = setTimeout(retryNow, wait);
    let stopListening = () => {};
    if (process.env.TARO_ENV === 'h5') {
      if (typeof window !== 'undefined') {
        window.addEventListener('online', retryNow);
        stopListening = () => window.removeEventListener('online', retryNow);
      }
    } else {
      const onChange = (res: { isConnected: boolean }) => {
        if (res.isConnected) retryNow();
      };
      try {
        Taro.onNetworkStatusChange(onChange);
        stopListening = () => {
          try {
            Taro.offNetworkStatusChange(onChange);
          } catch {
            // older base libraries: the listener stays, and finds no offline phase
          }
        };
      } catch {
        // no network events here: the timer retries
      }
    }
    return () => {
      clearTimeout(timer);
      stopListening();
    };
  }, [phase, retryNow]);

  useDidShow(() => retryNow());

  const submitCode = () => {
    if (phase.kind !== 'code') return;
    const code = typed.trim();
    if (!CODE.test(code)) {
      setPhase({ ...phase, error: '请输入 6 位数字签到码' });
      return;
    }
    void attempt(attemptFor(phase.meetingId, code));
  };

  return (
    <PageShell className='mcheckin'>
      <View className='page-container'>
        {phase.kind === 'invalid' ? (
          <StateView
            kind='notice'
            title='签到链接无法识别'
            message='请重新扫描会场的签到二维码，或从会议详情页输入签到码'
            actionText='我的会议'
            onAction={() => openPage(MEETING_PAGES.mine)}
            exits
          />
        ) : null}

        {phase.kind === 'code' ? (
          <View className='card mcheckin__card'>
            <View className='mcheckin__title' role='heading' aria-level={2}>
              输入签到码
            </View>
            <Text className='mcheckin__text'>签到码为 6 位数字，由会务人员在会场出示，仅在会议当天有效。</Text>
            <Input
              className={phase.error ? 'minput mcheckin__code minput--error' : 'minput mcheckin__code'}
              type='number'
              value={typed}
              maxlength={6}
              placeholder='6 位签到码'
              placeholderClass='mcheckin__placeholder'
              onInput={(e) => {
                setTyped(e.detail.value);
                if (phase.error) setPhase({ ...phase, error: null });
              }}
              onConfirm={submitCode}
            />
            {phase.error ? (
              <View className='mcheckin__error' role='alert'>
                <Text>{phase.error}</Text>
              </View>
            ) : null}
            <View className='mcheckin__buttons'>
              <Btn kind='primary' block onClick={submitCode}>
                签到
              </Btn>
            </View>
          </View>
        ) : null}

        {phase.kind === 'sending' ? (
          <View className='card mcheckin__card mcheckin__card--center' role='status' aria-live='polite'>
            <View className='mcheckin__icon mcheckin__icon--wait' aria-hidden='true'>
              <Text>…</Text>
            </View>
            <Text className='mcheckin__title'>正在签到…</Text>
          </View>
        ) : null}

        {phase.kind === 'offline' ? (
          <View className='card mcheckin__card mcheckin__card--center mcheckin__card--offline' role='status' aria-live='polite'>
            <View className='mcheckin__icon mcheckin__icon--offline' aria-hidden='true'>
              <Text>!</Text>
            </View>
            <Text className='mcheckin__title'>已离线保存，联网后自动签到</Text>
            <Text className='mcheckin__text'>
              网络暂时不通。签到已保存在本机，网络恢复后会自动完成，不会重复签到。
            </Text>
            <Text className='mcheckin__meta'>已尝试 {phase.tries} 次 · 保存于 {formatDateTimeShortCN(phase.attempt.savedAt)}</Text>
            <View className='mcheckin__buttons'>
              <Btn kind='outline' block busy={retrying} busyText='正在重试…' onClick={retryNow}>
                立即重试
              </Btn>
            </View>
          </View>
        ) : null}

        {phase.kind === 'done' ? (
          <View className='card mcheckin__card mcheckin__card--center mcheckin__card--done' role='status' aria-live='polite'>
            <View className='mcheckin__icon mcheckin__icon--done' aria-hidden='true'>
              <Text>✓</Text>
            </View>
            <Text className='mcheckin__title mcheckin__title--done'>{phase.view.already ? '已签到' : '签到成功'}</Text>
            <Text className='mcheckin__text'>{phase.view.message}</Text>
            <Text className='mcheckin__meta'>签到时间：{formatDateTimeShortCN(phase.view.presentAt)}</Text>
            <View className='mcheckin__buttons'>
              <Btn kind='primary' block onClick={() => openOrBack(MEETING_PAGES.detail, { id: phase.view.meetingId })}>
                查看会议详情
              </Btn>
              <Btn kind='default' block onClick={goHome}>
                回到首页
              </Btn>
            </View>
          </View>
        ) : null}

        {phase.kind === 'refused' ? (
          <StateView
            kind='error'
            title={refusedTitle(phase.error)}
            message={phase.error.message}
            actionText='查看会议详情'
            onAction={() => openOrBack(MEETING_PAGES.detail, { id: phase.attempt.meetingId })}
            onRetry={phase.error.code === 'internal' ? () => void attempt(attemptFor(phase.attempt.meetingId, phase.attempt.code)) : undefined}
          />
        ) : null}
      </View>
    </PageShell>
  );
}

function refusedTitle(error: ApiError): string {
  if (error.code === 'invalid_transition') return '现在不能签到';
  if (error.code === 'rate_limited') return '签到码错误次数过多';
  if (error.code === 'forbidden') return '不在参会名单中';
  if (error.code === 'not_found') return '会议不存在';
  return '签到未成功';
}
