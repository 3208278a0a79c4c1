// 会内材料 viewer (issue #22), `?meetingId=&materialId=`: the file shown inside the app with the
// reader's name and the time drawn over it (meeting.material answers the watermark), no download
// offered; each opening is recorded by the server. After the meeting's third day it no longer opens.
import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { createElement, useEffect, useState } from 'react';
import type { MaterialLinkView } from '../../../../../domain/schemas/meeting';
import PageShell from '../../../../kit/PageShell';
import { type ApiError, call, toApiError } from '../../../../services/api';
import { viewServerFile } from '../../../../services/files';
import { queryValue } from '../../../../utils/nav';
import './index.css';

/** One tile of the watermark: the text turned a little, faint red, as an SVG data URL. */
function watermarkTile(text: string): string {
  const esc = text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' width='360' height='180'><text x='10' y='110' transform='rotate(-20 180 90)' font-size='16' fill='rgba(183,28,28,0.22)' font-family='sans-serif'>${esc}</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

type State = { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'ready'; link: MaterialLinkView; src: string | null };

export default function MaterialViewer() {
  const { params } = useRouter();
  const meetingId = queryValue(params, 'meetingId');
  const materialId = queryValue(params, 'materialId');
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let revoke: string | null = null;
    void (async () => {
      try {
        const link = await call('meeting.material', { meetingId, materialId });
        const src = await viewServerFile(link, link.contentType);
        if (src?.startsWith('blob:')) revoke = src;
        setState({ kind: 'ready', link, src });
      } catch (e) {
        setState({ kind: 'error', error: toApiError(e) });
      }
    })();
    return () => {
      if (revoke) URL.revokeObjectURL(revoke);
    };
  }, [meetingId, materialId]);

  if (state.kind !== 'ready') return <PageShell className='mview' state={state} skeleton={[[100, 100, 100]]} />;
  const { link, src } = state;
  return (
    <PageShell className='mview'>
      <View className='mview__frame' onLongPress={() => undefined}>
        {src && link.contentType.startsWith('image/') ? <Image className='mview__image' src={src} mode='widthFix' showMenuByLongpress={false} ariaLabel={link.fileName} /> : null}
        {src && link.contentType === 'application/pdf' && process.env.TARO_ENV === 'h5'
          ? createElement('iframe', { className: 'mview__pdf', src: `${src}#toolbar=0`, title: link.fileName })
          : null}
        {!src ? <Text className='mview__hint'>已在微信中打开（不提供转发和保存）。</Text> : null}
        {link.watermark ? (
          // drawn as an image tiled over the whole file: decorative to screen readers, not selectable text
          <View className='mview__marks' aria-hidden style={{ backgroundImage: `url("${watermarkTile(link.watermark)}")` }} />
        ) : null}
      </View>
      <Text className='mview__foot'>会内材料仅供本次会议使用，请勿截屏、转发。查阅记录已留存。</Text>
    </PageShell>
  );
}
