// 批量导入 (issue #11 "Area people": "import { rows } — an xlsx upload read with exceljs in the page;
// all-or-nothing, with the line number of each refused row"). H5 only (a desk): the office picks
// an .xlsx, the page reads it with exceljs — loaded on demand by a dynamic import(), its own chunk,
// so no other page carries it — and shows the rows; 导入 sends them to people.import. The server
// checks every row first and writes nothing unless all pass: each refused line is listed with its
// message. The template: 姓名、单位、职务、角色、手机号、登录名、单位负责人 (角色 in the rules' words,
// ROLE_INFO; 单位负责人 是 or empty — issue #20, whom the ladder tells of the unit's overdue tasks).
// The page reads and routes; rows.ts is the file's rows and their checks, excel.ts exceljs (loaded
// on demand) and the template, Preview.tsx the rows' table, useImport.ts the chunked import calls;
// every write goes through the page kit (kit/useAction).
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ChangeEvent } from 'react';
import { useRef, useState } from 'react';
import { IMPORT_MAX_ROWS } from '../../../../../domain/people-rules';
import { ROLES, ROLE_INFO } from '../../../../../domain/roles';
import Btn from '../../../../components/Btn';
import PageShell from '../../../../components/PageShell';
import StateView from '../../../../components/StateView';
import { useAction } from '../../../../kit/useAction';
import { toast } from '../../../../utils/feedback';
import { ROUTES } from '../../../../utils/nav';
import { useDesk } from '../../parts/useDesk';
import { downloadTemplate, loadExcel, type ExcelModule } from './excel';
import { PreviewCards, PreviewTable } from './Preview';
import { COLUMNS, MAX_BYTES, readSheet, XLSX_TYPES, type ParsedRow, type Sheet } from './rows';
import { useImport, type ImportKey } from './useImport';
import '../people/index.css';
import './index.css';

export default function PeopleImport() {
  if (process.env.TARO_ENV !== 'h5') {
    return (
      <PageShell title='批量导入' className='pimport'>
        <View className='page-container'>
          <StateView kind='notice' title='请在电脑端导入' message='批量导入需在电脑浏览器中打开联席会议，选择 Excel 表格导入。在手机上可逐个新增人员。' exits />
        </View>
      </PageShell>
    );
  }
  return <DeskImport />;
}

function DeskImport() {
  const input = useRef<HTMLInputElement | null>(null);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  // nothing to re-read: the outcome is said on the page
  const { busy, act, run } = useAction<ImportKey>();
  const { outcome, setOutcome, progress, localProblems, send } = useImport(act, sheet);
  const desk = useDesk();

  const pick = () => {
    if (busy) return;
    input.current?.click();
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // the same file picked again (after fixing it) is a new change
    e.target.value = '';
    if (!file) return;
    void run('read', async () => {
      setOutcome(null);
      setReadError(null);
      setSheet(null);
      if (!/\.xlsx$/i.test(file.name)) {
        setReadError('请选择 .xlsx 格式的 Excel 表格（可先下载模板）');
        return;
      }
      if (file.size > MAX_BYTES) {
        setReadError('文件超过 5 MB，请分批导入');
        return;
      }
      let Excel: ExcelModule;
      try {
        Excel = await loadExcel();
      } catch {
        setReadError('未能加载表格组件，请检查网络后重试');
        return;
      }
      try {
        const wb = new Excel.Workbook();
        await wb.xlsx.load(await file.arrayBuffer());
        const read = readSheet(wb);
        if ('error' in read) setReadError(read.error);
        else setSheet({ fileName: file.name, rows: read.rows });
      } catch {
        setReadError('无法读取该文件，请确认是 Excel 表格（.xlsx）');
      }
    });
  };

  const template = () =>
    void run('template', async () => {
      try {
        await downloadTemplate();
      } catch {
        toast('未能生成模板，请检查网络后重试');
      }
    });


  const refused = outcome?.kind === 'refused' ? outcome.lines : null;
  const problemOf = (r: ParsedRow) => r.problem ?? refused?.get(r.line) ?? null;
  const bad = sheet ? sheet.rows.filter((r) => problemOf(r)) : [];

  return (
    <PageShell title='批量导入' className='pimport'>
      <View className='page-container'>
        <View className='card'>
          <View className='pimport__title' role='heading' aria-level={2}>
            批量导入人员
          </View>
          <Text className='pimport__text'>
            {`选择按模板填写的 Excel 表格（.xlsx），第 1 行为表头，第 2 行起每行一人，一次最多 ${IMPORT_MAX_ROWS} 人。全部行都符合要求才会导入；有问题的行会逐行列出，届时不导入任何人员。`}
          </Text>
          <View className='pimport__template'>
            <Text className='pimport__label'>表头（列）：</Text>
            <Text className='pimport__cols'>{COLUMNS.map((c) => (c.required ? c.header : `${c.header}（选填）`)).join('、')}</Text>
            <Text className='pimport__label'>角色：</Text>
            <Text className='pimport__cols'>{`填写角色名称，多个用顿号分隔，如「职工代表」。可填：${ROLES.map((r) => ROLE_INFO[r].label).join('、')}。各方办公室只能导入本方人员、设置本方角色（领导角色也由本方办公室设置）。`}</Text>
          </View>
          <View className='pimport__buttons'>
            <Btn kind='primary' busy={busy === 'read'} busyText='读取中…' disabled={busy !== null} onClick={pick}>
              {sheet ? '重新选择文件' : '选择 Excel 文件'}
            </Btn>
            <Btn kind='outline' busy={busy === 'template'} busyText='生成中…' disabled={busy !== null} onClick={template}>
              下载模板
            </Btn>
          </View>
          <input ref={input} className='pimport__file' type='file' accept={XLSX_TYPES} tabIndex={-1} aria-hidden='true' onChange={onFile} />
        </View>

        {readError ? (
          <View className='notice notice--error' role='alert'>
            <Text className='notice__text'>{readError}</Text>
          </View>
        ) : null}

        {outcome?.kind === 'done' ? (
          <View className='notice notice--success pimport__done' role='status'>
            <Text className='notice__title'>{`已导入 ${outcome.created} 人`}</Text>
            <Text className='notice__text'>可在人员名录中为他们生成邀请码，绑定微信或设置首次密码。</Text>
            <View className='pimport__buttons'>
              <Btn kind='primary' onClick={() => void Taro.redirectTo({ url: ROUTES.people })}>
                查看人员名录
              </Btn>
            </View>
          </View>
        ) : null}
        {outcome?.kind === 'failed' ? (
          <View className='notice notice--error' role='alert'>
            <Text className='notice__text'>{outcome.message}</Text>
          </View>
        ) : null}

        {sheet && outcome?.kind !== 'done' ? (
          <View>
            {bad.length > 0 ? (
              <View className='notice notice--error pimport__bad' role='alert'>
                <Text className='notice__title'>{outcome?.kind === 'refused' ? outcome.message : `有 ${bad.length} 行需要修改，修改表格后重新选择文件。`}</Text>
                {bad.map((r) => (
                  <Text key={r.line} className='notice__text pimport__bad-line'>{`第 ${r.line} 行（${r.name || '未填姓名'}）：${problemOf(r)}`}</Text>
                ))}
              </View>
            ) : null}
            <View className='card pimport__preview'>
              <View className='card__head'>
                <Text className='card__title'>{`${sheet.fileName} · ${sheet.rows.length} 人`}</Text>
              </View>
              {desk ? <PreviewTable rows={sheet.rows} problemOf={problemOf} /> : <PreviewCards rows={sheet.rows} problemOf={problemOf} />}
              <View className='pimport__buttons'>
                <Btn kind='primary' busy={busy === 'send'} busyText={progress ? `导入中 ${progress.done}/${progress.total}…` : '导入中…'} disabled={busy !== null || localProblems.length > 0 || outcome?.kind === 'refused'} onClick={() => void send()}>
                  {`导入 ${sheet.rows.length} 人`}
                </Btn>
              </View>
            </View>
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}
