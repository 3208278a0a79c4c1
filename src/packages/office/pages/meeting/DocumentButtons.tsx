// Issue #21: 导出签到表 (meeting.signInSheet, .xlsx) and 归档下载 (meeting.archive, .zip) on the
// offices' console, shown where 导出参会名单 is (the attendance list is readable: the offices of the
// org and of its parent); 归档下载 once the meeting was held.
import { useState } from 'react';
import Btn from '../../../../components/Btn';
import { call, toApiError } from '../../../../services/api';
import { openServerFile } from '../../../../services/files';
import { toast } from '../../../../utils/feedback';

export default function DocumentButtons({ meetingId, held, disabled }: { meetingId: string; held: boolean; disabled: boolean }) {
  const [busy, setBusy] = useState<'signIn' | 'archive' | null>(null);
  const run = async (kind: 'signIn' | 'archive') => {
    if (busy) return;
    setBusy(kind);
    try {
      const link = await call(kind === 'signIn' ? 'meeting.signInSheet' : 'meeting.archive', { meetingId });
      await openServerFile(link, {
        // WeChat cannot open a .zip: openDocument fails and the person is told where to open it
        fileType: 'xlsx',
        gone: '文件已失效，请重新导出', failed: '下载失败，请稍后再试',
        cantOpen: kind === 'signIn' ? '文件已下载，但无法打开，请安装可查看表格的应用' : '文件已下载，请在电脑上解压查看',
      });
    } catch (e) {
      toast(toApiError(e).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Btn kind='outline' small busy={busy === 'signIn'} busyText='导出中…' disabled={disabled || busy !== null} onClick={() => void run('signIn')}>
        导出签到表
      </Btn>
      {held ? (
        <Btn kind='outline' small busy={busy === 'archive'} busyText='打包中…' disabled={disabled || busy !== null} onClick={() => void run('archive')}>
          归档下载
        </Btn>
      ) : null}
    </>
  );
}
