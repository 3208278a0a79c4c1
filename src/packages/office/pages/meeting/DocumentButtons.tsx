// Issue #21: 导出签到表 (meeting.signInSheet, .xlsx) and 归档下载 (meeting.archive, .zip) on the
// offices' console, shown where 导出参会名单 is (the attendance list is readable: the offices of the
// org and of its parent); 归档下载 once the meeting was held. Each through the page kit (issue #19):
// one at a time, a refusal said in a toast, nothing on the page re-read.
import Btn from '../../../../components/Btn';
import { useAction } from '../../../../kit/useAction';
import { call } from '../../../../services/api';
import { openServerFile } from '../../../../services/files';

export default function DocumentButtons({ meetingId, held, disabled }: { meetingId: string; held: boolean; disabled: boolean }) {
  const { busy, act } = useAction<'signIn' | 'archive'>();
  const run = (kind: 'signIn' | 'archive') =>
    act(
      kind,
      async () => {
        const link = await call(kind === 'signIn' ? 'meeting.signInSheet' : 'meeting.archive', { meetingId });
        await openServerFile(link, {
          // WeChat cannot open a .zip: openDocument fails and the person is told where to open it
          fileType: 'xlsx',
          gone: '文件已失效，请重新导出', failed: '下载失败，请稍后再试',
          cantOpen: kind === 'signIn' ? '文件已下载，但无法打开，请安装可查看表格的应用' : '文件已下载，请在电脑上解压查看',
        });
      },
      { refresh: false },
    );
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
