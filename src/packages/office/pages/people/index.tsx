// The directory of my org (issue #11 "Area people"): everyone of the org with name, unit and title,
// roles, side, phone (masked by the server unless I keep that side: the phone rule), whether their
// WeChat account is bound, and 停用. A search box (name, unit or title), the list paged by cursor;
// a table at a desk (≥ 1024 px), cards on a phone. 新增人员 and 批量导入 only when the server offers
// them (people.list allowedActions 'create', 'import'): each org's offices keep their own side.
import { Input, Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import type { PeopleListView, PersonCardView } from '../../../../../domain/schemas/people';
import Btn from '../../../../components/Btn';
import { PagedListFooter } from '../../../../components/ListFooter';
import ListStates from '../../../../components/ListStates';
import PageShell from '../../../../components/PageShell';
import Tap from '../../../../components/Tap';
import { usePagedListPage } from '../../../../hooks/usePagedList';
import { call } from '../../../../services/api';
import { ROUTES, openPage } from '../../../../utils/nav';
import { HeadRow, Row, Table, TableLink, Td, Th } from '../../parts/Table';
import { useDeskTable } from '../../parts/useDesk';
import { PersonState, RoleTags } from './kit';
import './index.css';

/** The server's limit on a search (people.list q). */
const Q_MAX = 20;

export default function People() {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const desk = useDeskTable();
  const fetchPage = useCallback((cursor?: string) => call('people.list', { ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) }), [q]);
  const list = usePagedListPage<PersonCardView, PeopleListView>(fetchPage);
  const { state } = list;
  const allowed = state.kind === 'ready' ? state.page.allowedActions : [];

  const search = () => setQ(typed.trim());
  const clear = () => {
    setTyped('');
    setQ('');
  };
  const open = (id: string) => openPage(ROUTES.person, { id });

  return (
    <PageShell className='ppl'>
      <View className='page-container'>
        <View className='card ppl__head'>
          <View className='ppl__head-main'>
            <View className='ppl__title' role='heading' aria-level={2}>
              人员名录
            </View>
            <Text className='ppl__sub'>本级联席会议人员。各方办公室维护本方人员；手机号仅本人和本方办公室可见。</Text>
          </View>
          {allowed.includes('create') || allowed.includes('import') ? (
            <View className='ppl__actions'>
              {allowed.includes('import') ? (
                <Btn kind='outline' onClick={() => openPage(ROUTES.peopleImport)}>
                  批量导入
                </Btn>
              ) : null}
              {allowed.includes('create') ? (
                <Btn kind='primary' onClick={() => openPage(ROUTES.person)}>
                  新增人员
                </Btn>
              ) : null}
            </View>
          ) : null}
        </View>

        <View className='ppl__search' role='search'>
          <Input
            className='ppl__search-input'
            value={typed}
            maxlength={Q_MAX}
            confirmType='search'
            placeholder='搜索姓名、单位或职务'
            placeholderClass='ppl__placeholder'
            onInput={(e) => setTyped(e.detail.value)}
            onConfirm={search}
          />
          <Btn kind='primary' className='ppl__search-btn' onClick={search}>
            搜索
          </Btn>
          {q ? (
            <Btn className='ppl__search-btn' onClick={clear}>
              清除
            </Btn>
          ) : null}
        </View>
        {q && state.kind === 'ready' ? (
          <View className='ppl__found' role='status'>
            <Text>{`「${q}」：${state.items.length}${state.nextCursor ? '+' : ''} 人`}</Text>
          </View>
        ) : null}

        <ListStates
          list={list}
          skeleton={[
            [40, 70, 50],
            [40, 70, 50],
            [40, 70, 50],
          ]}
          emptyTitle={q ? '没有找到符合条件的人员' : '暂无人员'}
          emptyMessage={q ? '请换个关键词再试' : allowed.includes('create') ? '可新增人员或批量导入' : undefined}
        />
        {state.kind === 'ready' && state.items.length > 0 ? (
          desk ? (
            <PeopleTable items={state.items} onOpen={open} />
          ) : (
            <View>
              {state.items.map((p) => (
                <PersonCard key={p.id} person={p} onOpen={() => open(p.id)} />
              ))}
            </View>
          )
        ) : null}
        <PagedListFooter list={list} />
      </View>
    </PageShell>
  );
}

function PersonCard({ person, onOpen }: { person: PersonCardView; onOpen: () => void }) {
  const post = [person.unit, person.title].filter(Boolean).join(' · ');
  return (
    <Tap role='link' className={person.active ? 'card ppl-card' : 'card ppl-card ppl-card--off'} hoverClass='ppl-card--hover' onTap={onOpen}>
      <View className='ppl-card__top'>
        <Text className='ppl-card__name'>{person.name}</Text>
        <Text className='ppl-card__side'>{person.sideLabel}</Text>
        <PersonState person={person} />
      </View>
      {post ? <Text className='ppl-card__post'>{post}</Text> : null}
      <RoleTags roles={person.roles} />
      {person.phone ? <Text className='ppl-card__phone'>手机：{person.phone}</Text> : null}
    </Tap>
  );
}

/** The desk layout: name (opens the person), unit and title, roles, side, phone, state. */
function PeopleTable({ items, onOpen }: { items: PersonCardView[]; onOpen: (id: string) => void }) {
  return (
    <Table label='人员名录' className='ppl-table'>
      <HeadRow>
        <Th>姓名</Th>
        <Th>单位 · 职务</Th>
        <Th>角色</Th>
        <Th>所属方</Th>
        <Th>手机号</Th>
        <Th>状态</Th>
      </HeadRow>
      {items.map((p) => (
        <Row key={p.id}>
          <Td>
            <TableLink onOpen={() => onOpen(p.id)}>{p.name}</TableLink>
          </Td>
          <Td>
            <Text className='dtable__main'>{p.unit}</Text>
            <Text className='dtable__sub'>{p.title}</Text>
          </Td>
          <Td>
            <Text className='dtable__main'>{p.roles.map((r) => r.label).join('、')}</Text>
          </Td>
          <Td>
            <Text className='dtable__main'>{p.sideLabel}</Text>
          </Td>
          <Td className='dtable__cell--num'>
            <Text>{p.phone ?? '—'}</Text>
          </Td>
          <Td>
            <PersonState person={p} />
          </Td>
        </Row>
      ))}
    </Table>
  );
}
