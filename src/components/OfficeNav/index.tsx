import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type OfficeNavKey, officeContext } from '../../utils/office';
import { ROUTES, pageUrl } from '../../utils/nav';
import Tap from '../Tap';

export type { OfficeNavKey };

export interface OfficeNavProps {
  /** the page shown now (marked aria-current) */
  current: OfficeNavKey;
  /** the meeting the pages are about; defaults to the one home last named */
  meetingId?: string;
  meetingTitle?: string;
  /** the entries to show; defaults to what this person may open (from home), else all */
  items?: OfficeNavKey[];
}

const ENTRIES: Array<{ key: OfficeNavKey; label: string; path: string; query?: Record<string, string> }> = [
  { key: 'queue', label: '议题审核', path: ROUTES.queue },
  { key: 'topics', label: '会议议题', path: ROUTES.topics },
  { key: 'opinions', label: '待提意见', path: ROUTES.topics, query: { tab: 'opinions' } },
  { key: 'confirm', label: '议题清单确认', path: ROUTES.confirm },
  { key: 'overdue', label: '逾期任务', path: ROUTES.checklist },
  { key: 'compliance', label: '年度考核', path: ROUTES.compliance },
  { key: 'inbox', label: '消息', path: ROUTES.inbox },
];

/**
 * The office pages' side navigation in the desk layout (H5 ≥ 1024 px; hidden below, and absent in
 * the mini-program). Put it in PageShell's `aside`: <PageShell aside={<OfficeNav current='queue' />}>.
 * Moving between these pages replaces the current one, so 返回 leads out of the office pages.
 */
export default function OfficeNav({ current, meetingId, meetingTitle, items }: OfficeNavProps) {
  if (process.env.TARO_ENV !== 'h5') return null;
  const ctx = officeContext();
  const id = meetingId || ctx?.meetingId || '';
  const title = meetingTitle || (ctx && ctx.meetingId === id ? ctx.meetingTitle : '') || '';
  const allowed = items ?? (ctx ? [...ctx.allowed, 'inbox' as const] : ENTRIES.map((e) => e.key));
  // the inbox, the org's overdue tasks and the annual assessment (Art. 12) need no meeting
  const orgWide = (k: OfficeNavKey) => k === 'inbox' || k === 'overdue' || k === 'compliance';
  const shown = ENTRIES.filter((e) => allowed.includes(e.key) && (orgWide(e.key) || id));
  return (
    <View className='office-nav' role='navigation' aria-label='办公室导航'>
      {title ? <Text className='office-nav__meeting'>{title}</Text> : null}
      {shown.map((e) => {
        const on = e.key === current;
        const query = orgWide(e.key) ? {} : { meetingId: id, meetingTitle: title || undefined, ...e.query };
        return (
          <Tap
            key={e.key}
            role='link'
            current={on}
            className={on ? 'office-nav__item office-nav__item--on' : 'office-nav__item'}
            hoverClass='office-nav__item--hover'
            onTap={() => {
              if (!on) void Taro.redirectTo({ url: pageUrl(e.path, query) });
            }}
          >
            <Text>{e.label}</Text>
            {on ? <Text className='sr-only'>（当前页）</Text> : null}
          </Tap>
        );
      })}
    </View>
  );
}
