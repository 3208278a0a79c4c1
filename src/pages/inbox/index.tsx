// The in-app inbox: every milestone message, newest first; tapping one marks it read and opens it.
// Issue #20: it is also a to-do list — a message that asks for an action says 待办 until someone it
// asked has acted, then who acted and when.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { NotificationView } from '../../../domain/schemas/notify';
import Btn from '../../components/Btn';
import { PagedListFooter } from '../../components/ListFooter';
import ListStates from '../../components/ListStates';
import OfficeNav from '../../components/OfficeNav';
import PageShell from '../../components/PageShell';
import Tap from '../../components/Tap';
import { usePagedListPage } from '../../hooks/usePagedList';
import { type Action, useAction } from '../../kit/useAction';
import { call, toApiError } from '../../services/api';
import { formatDateTimeShortCN } from '../../utils/date';
import { toast } from '../../utils/feedback';
import { officeContext } from '../../utils/office';
import './index.css';

/** The contract takes at most this many ids per markRead. */
const MARK_BATCH = 50;

export default function Inbox() {
  // The server's unread total comes with every page; markRead answers with the new total.
  const [unread, setUnread] = useState<number | null>(null);
  const [todo, setTodo] = useState<number | null>(null);
  // issue #20: only the open to-dos, or every message
  const [todoOnly, setTodoOnly] = useState(false);
  const todoOnlyRef = useRef(false);
  const fetchPage = useCallback(async (cursor?: string) => {
    const page = await call('notify.inbox', { ...(cursor ? { cursor } : {}), ...(todoOnlyRef.current ? { todoOnly: true } : {}) });
    setUnread(page.unread);
    setTodo(page.todo);
    return page;
  }, []);
  const list = usePagedListPage<NotificationView>(fetchPage);
  // Marks are shown as they are answered (list.update), so no re-read after them.
  const { busy, act } = useAction<'all' | 'open'>(list.reload);

  const markRead = async (write: Action<string>['write'], ids: string[]): Promise<void> => {
    for (let i = 0; i < ids.length; i += MARK_BATCH) {
      const batch = ids.slice(i, i + MARK_BATCH);
      const answer = await write('notify.markRead', { ids: batch });
      setUnread(answer.unread);
      list.update((items) => items.map((n) => (batch.includes(n.id) ? { ...n, read: true } : n)));
    }
  };

  const open = (n: NotificationView) =>
    act(
      'open',
      async (w) => {
        if (!n.read) {
          try {
            await markRead(w, [n.id]);
          } catch (e) {
            // Opening the message matters more than its mark; say why and go on.
            toast(toApiError(e).message);
          }
        }
        if (n.link) await Taro.navigateTo({ url: n.link }).catch(() => toast('该消息的页面暂不可用'));
      },
      { refresh: false },
    );

  const markAll = (ids: string[]) => act('all', (w) => markRead(w, ids), { refresh: false, done: '已全部标为已读' });

  const showTodoOnly = (on: boolean) => {
    todoOnlyRef.current = on;
    setTodoOnly(on);
    void list.reload(true);
  };

  const { state } = list;
  const visibleUnread = state.kind === 'ready' ? state.items.filter((n) => !n.read).map((n) => n.id) : [];

  return (
    // Office staff reach 消息 from the office pages' side navigation (desk layout): it stays here too.
    <PageShell title='消息通知' className='inbox' aside={officeContext() ? <OfficeNav current='inbox' /> : undefined}>
      <View className='page-container'>
        {todo || todoOnly ? (
          <View className='inbox__filter'>
            <Btn small kind={todoOnly ? 'outline' : 'primary'} label={todoOnly ? '显示全部消息' : `只看待办（${todo ?? 0}）`} onClick={() => showTodoOnly(!todoOnly)}>
              {todoOnly ? '显示全部消息' : `只看待办（${todo ?? 0}）`}
            </Btn>
          </View>
        ) : null}
        <ListStates
          list={list}
          skeleton={[[60, 90], [60, 90]]}
          emptyTitle={todoOnly ? '没有待办' : '暂无消息'}
          emptyMessage={todoOnly ? '需要您办理的消息都已办理' : '议题审核、会议通知等消息会显示在这里'}
        />
        {state.kind === 'ready' && state.items.length > 0 ? (
          <View>
            <View className='inbox__bar'>
              <Text className='inbox__summary'>
                {unread ? `${unread} 条未读` : '全部已读'}
                {todo ? `，${todo} 项待办` : ''}
              </Text>
              {visibleUnread.length > 0 ? (
                <Btn small busy={busy === 'all'} busyText='处理中…' disabled={busy !== null} onClick={() => void markAll(visibleUnread)}>
                  全部标为已读
                </Btn>
              ) : null}
            </View>
            <View className='card inbox__list'>
              {state.items.map((n) => (
                <Tap
                  key={n.id}
                  role={n.link ? 'link' : 'button'}
                  className={n.read ? 'message' : 'message message--unread'}
                  hoverClass='message--hover'
                  onTap={() => void open(n)}
                >
                  <View className='message__dot' aria-hidden='true' />
                  <View className='message__main'>
                    <Text className='message__title'>{n.title}</Text>
                    <Text className='message__body'>{n.body}</Text>
                    {/* Read state and 已处理 in words, not only a dot or a colour. */}
                    <View className='message__meta'>
                      <Text className='message__time'>{formatDateTimeShortCN(n.createdAt)}</Text>
                      {n.read ? null : <Text className='message__flag message__flag--unread'>未读</Text>}
                      {n.needsAction && !n.doneAt ? <Text className='message__flag message__flag--todo'>待办</Text> : null}
                      {n.doneAt ? (
                        <Text className='message__flag message__flag--handled'>
                          {`${n.doneByName ? `${n.doneByName} ` : ''}已办理 ${formatDateTimeShortCN(n.doneAt)}`}
                        </Text>
                      ) : n.handled ? <Text className='message__flag message__flag--handled'>已处理</Text> : null}
                    </View>
                  </View>
                </Tap>
              ))}
            </View>
            <PagedListFooter list={list} />
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}
