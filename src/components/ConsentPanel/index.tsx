// The browser's stand-in for WeChat's subscription panel (issue #10; H5 only — in the mini-program
// WeChat draws its own, services/subscribe.ts). Like WeChat's: the reminders asked for, each with a
// switch when there are several; 允许 answers accept for those switched on and reject for the rest,
// 取消 (or Escape, or a tap beside the sheet) rejects them all. It is mounted in its own root on
// <body> by openConsentPanel, so it needs no host in the pages and survives the page going on
// (a submitted topic opens its own page). Modal: the app behind is inert while it is open, the
// focus moves in, stays in, and returns where it was.
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { TemplateKey } from '../../../domain/subscriptions';
import { useElder } from '../../hooks/useElder';
import Btn from '../Btn';
import Tap from '../Tap';
import './index.css';

export interface ConsentItem {
  key: TemplateKey;
  title: string;
  description: string;
}

/** The panel's answer per template, as WeChat's panel gives it. */
export type ConsentAnswers = Partial<Record<TemplateKey, 'accept' | 'reject'>>;

export interface ConsentPanelProps {
  items: ConsentItem[];
  onAnswer: (answers: ConsentAnswers) => void;
}

const TITLE = '联席会议 申请向您发送以下提醒';

export default function ConsentPanel({ items, onAnswer }: ConsentPanelProps) {
  const [elder] = useElder();
  const [off, setOff] = useState<ReadonlySet<TemplateKey>>(() => new Set());
  const several = items.length > 1;
  const anyOn = items.some((i) => !off.has(i.key));
  const answer = (allow: boolean) => onAnswer(Object.fromEntries(items.map((i) => [i.key, allow && !off.has(i.key) ? 'accept' : 'reject'])));
  const toggle = (key: TemplateKey) =>
    setOff((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  // Not in Taro's View props, passed through to the element (spread: no excess-prop check).
  const focusable: Record<string, unknown> = { tabIndex: -1 };

  return (
    <View className={elder ? 'consent consent--elder elder' : 'consent'}>
      <View className='consent__mask' onClick={() => answer(false)} />
      <View className='consent__panel' role='dialog' aria-modal='true' aria-label={TITLE} {...focusable}>
        <Text className='consent__app'>联席会议</Text>
        <Text className='consent__title'>申请向您发送以下提醒</Text>
        <Text className='consent__note'>浏览器中模拟微信订阅消息：每同意一次，可收到一次该提醒。</Text>
        <View className='consent__list'>
          {items.map((i) =>
            several ? (
              <Tap key={i.key} role='switch' checked={!off.has(i.key)} label={i.title} className='consent__item' hoverClass='consent__item--hover' onTap={() => toggle(i.key)}>
                <Item item={i} />
                <View className={off.has(i.key) ? 'consent__check' : 'consent__check consent__check--on'} aria-hidden='true'>
                  <Text>{off.has(i.key) ? '' : '✓'}</Text>
                </View>
              </Tap>
            ) : (
              <View key={i.key} className='consent__item'>
                <Item item={i} />
              </View>
            ),
          )}
        </View>
        <View className='consent__buttons'>
          <Btn onClick={() => answer(false)}>取消</Btn>
          <Btn kind='primary' disabled={!anyOn} onClick={() => answer(true)}>
            允许
          </Btn>
        </View>
      </View>
    </View>
  );
}

function Item({ item }: { item: ConsentItem }): ReactNode {
  return (
    <View className='consent__item-main'>
      <Text className='consent__item-title'>{item.title}</Text>
      <Text className='consent__item-desc'>{item.description}</Text>
    </View>
  );
}

/** react-dom's client entry (H5 only; the project carries no @types/react-dom). */
interface ReactRoot {
  render(node: ReactNode): void;
  unmount(): void;
}
type CreateRoot = (container: Element) => ReactRoot;

/**
 * Shows the panel over the app and resolves with the answers once the person gives them. Never
 * rejects: a panel that cannot be shown (no document) answers nothing.
 */
export function openConsentPanel(items: ConsentItem[]): Promise<ConsentAnswers> {
  if (typeof document === 'undefined' || items.length === 0) return Promise.resolve({});
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped module, typed here
  const { createRoot } = require('react-dom/client') as { createRoot: CreateRoot };
  return new Promise((resolve) => {
    const host = document.createElement('div');
    host.className = 'consent-host';
    document.body.appendChild(host);
    const app = document.getElementById('app');
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    app?.setAttribute('inert', '');
    const root = createRoot(host);
    let open = true;

    const focusables = () => Array.from(host.querySelectorAll<HTMLElement>('[tabindex="0"]'));
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        finish(Object.fromEntries(items.map((i) => [i.key, 'reject'])));
        return;
      }
      if (e.key !== 'Tab') return;
      // The focus stays in the panel: Tab from the last control goes to the first, and back.
      const all = focusables();
      if (all.length === 0) return;
      const i = all.indexOf(document.activeElement as HTMLElement);
      const next = e.shiftKey ? (i <= 0 ? all.length - 1 : i - 1) : i === all.length - 1 ? 0 : i + 1;
      e.preventDefault();
      all[next].focus();
    };

    // Taro's elements re-place their children once upgraded, which drops the focus to <body>:
    // it comes back to the panel (focus moving to another dialog, Taro's, is left alone).
    const onFocusOut = (e: FocusEvent) => {
      if (e.relatedTarget) return;
      setTimeout(() => {
        const lost = !document.activeElement || document.activeElement === document.body;
        if (open && lost) host.querySelector<HTMLElement>('.consent__panel')?.focus();
      }, 0);
    };

    function finish(answers: ConsentAnswers): void {
      if (!open) return;
      open = false;
      host.removeEventListener('keydown', onKey);
      host.removeEventListener('focusout', onFocusOut);
      host.style.display = 'none';
      app?.removeAttribute('inert');
      if (before && before.isConnected) before.focus();
      // Unmounted after the tap that answered has finished (not from inside its own handler).
      setTimeout(() => {
        root.unmount();
        host.remove();
      }, 0);
      resolve(answers);
    }

    host.addEventListener('keydown', onKey);
    host.addEventListener('focusout', onFocusOut);
    root.render(<ConsentPanel items={items} onAnswer={finish} />);
    // The focus moves into the dialog once it is drawn, so a screen reader reads its name first
    // (tried until it holds: see onFocusOut).
    const focusPanel = (tries: number) => {
      if (!open) return;
      const panel = host.querySelector<HTMLElement>('.consent__panel');
      panel?.focus();
      if (panel && host.contains(document.activeElement)) return;
      if (tries > 0) setTimeout(() => focusPanel(tries - 1), 25);
    };
    setTimeout(() => focusPanel(40), 0);
  });
}
