import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { type ReactNode, useState } from 'react';
import { useElder } from '../../hooks/useElder';
import NavBar from '../NavBar';

export interface PageShellProps {
  /** the title in the H5 top bar; defaults to the page config's navigationBarTitleText */
  title?: string;
  /** the page's own root class (e.g. 'inbox'), kept on the root view */
  className?: string;
  /** the home page: no top bar (it is where 首页 leads) */
  home?: boolean;
  /** no 首页 control in the top bar (the sign-in page) */
  noHome?: boolean;
  /**
   * a side column in the desk layout (≥ 1024 px wide, H5), e.g. <OfficeNav current='queue' />;
   * below that width it is not shown and the page is one column
   */
  aside?: ReactNode;
  children?: ReactNode;
}

/** The title WeChat would show: the page config's, as Taro's H5 router knows it. */
function configTitle(): string {
  try {
    const page = Taro.getCurrentInstance()?.page as { config?: { navigationBarTitleText?: string } } | undefined;
    return page?.config?.navigationBarTitleText ?? '';
  } catch {
    return '';
  }
}

/**
 * Every page's frame: the H5 top bar (返回 · title · 首页; WeChat draws its own bar in the
 * mini-program, so none there), 长辈版 on the root, and the desk layout's side column.
 * Wrap a page's content in it: <PageShell title='消息' className='inbox'>…</PageShell>.
 */
export default function PageShell({ title, className, home, noHome, aside, children }: PageShellProps) {
  const [elder] = useElder();
  const h5 = process.env.TARO_ENV === 'h5';
  const [fallbackTitle, setFallbackTitle] = useState(() => (title ? '' : configTitle()));
  useDidShow(() => {
    if (!title && h5 && !fallbackTitle && typeof document !== 'undefined') setFallbackTitle(document.title);
  });
  const cls = ['page-shell', className ?? '', elder ? 'elder' : '', elder && !h5 ? 'page-shell--zoom' : '', aside ? 'page-shell--aside' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <View className={cls}>
      {h5 && !home ? <NavBar title={title || fallbackTitle || '联席会议'} noHome={noHome} /> : null}
      {aside && h5 ? (
        <View className='page-shell__desk'>
          <View className='page-shell__aside'>{aside}</View>
          <View className='page-shell__main' role='main'>
            {children}
          </View>
        </View>
      ) : (
        <View className='page-shell__main' role='main'>
          {children}
        </View>
      )}
    </View>
  );
}
