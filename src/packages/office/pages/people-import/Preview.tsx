// The import page's preview (split from index.tsx): the rows read from the file with each row's
// problem — a table on a desk, cards on a narrow screen.
import { Text, View } from '@tarojs/components';
import { ROLE_INFO } from '../../../../../domain/roles';
import { HeadRow, Row, Table, Td, Th } from '../../parts/Table';
import type { ParsedRow } from './rows';

function roleWords(r: ParsedRow): string {
  return r.roles.length ? r.roles.map((x) => ROLE_INFO[x].label).join('、') : r.roleText || '—';
}

export function PreviewTable({ rows, problemOf }: { rows: ParsedRow[]; problemOf: (r: ParsedRow) => string | null }) {
  return (
    <Table label='导入预览' className='pimport-table'>
      <HeadRow>
        <Th>行</Th>
        <Th>姓名</Th>
        <Th>单位 · 职务</Th>
        <Th>角色</Th>
        <Th>手机号</Th>
        <Th>登录名</Th>
        <Th>检查</Th>
      </HeadRow>
      {rows.map((r) => {
        const problem = problemOf(r);
        return (
          <Row key={r.line}>
            <Td className='dtable__cell--num'>
              <Text>{r.line}</Text>
            </Td>
            <Td>
              <Text className='dtable__main'>{r.name || '—'}</Text>
            </Td>
            <Td>
              <Text className='dtable__main'>{r.unit || '—'}</Text>
              <Text className='dtable__sub'>{`${r.title || '—'}${r.unitHead ? '（单位负责人）' : ''}`}</Text>
            </Td>
            <Td>
              <Text className='dtable__main'>{roleWords(r)}</Text>
            </Td>
            <Td className='dtable__cell--num'>
              <Text>{r.phone || '—'}</Text>
            </Td>
            <Td>
              <Text className='dtable__main'>{r.login || '—'}</Text>
            </Td>
            <Td>{problem ? <Text className='pimport__problem'>{problem}</Text> : <Text className='dtable__sub'>—</Text>}</Td>
          </Row>
        );
      })}
    </Table>
  );
}

export function PreviewCards({ rows, problemOf }: { rows: ParsedRow[]; problemOf: (r: ParsedRow) => string | null }) {
  return (
    <View>
      {rows.map((r) => {
        const problem = problemOf(r);
        return (
          <View key={r.line} className={problem ? 'pimport-row pimport-row--bad' : 'pimport-row'}>
            <Text className='pimport-row__name'>{`第 ${r.line} 行　${r.name || '未填姓名'}`}</Text>
            <Text className='pimport-row__meta'>{`${[r.unit, r.title].filter(Boolean).join(' · ') || '—'}${r.unitHead ? '（单位负责人）' : ''}`}</Text>
            <Text className='pimport-row__meta'>{`角色：${roleWords(r)}${r.phone ? `　手机：${r.phone}` : ''}${r.login ? `　登录名：${r.login}` : ''}`}</Text>
            {problem ? <Text className='pimport__problem'>{problem}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
