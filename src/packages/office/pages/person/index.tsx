// One person of the directory (issue #11 "Area people"): `?id=` shows and edits them, no id creates
// one (`?orgId=` a county's first office accounts; the caller's own org by default).
// - Fields with the contract's limits (domain/people-rules.ts PEOPLE_LIMITS, LOGIN_PATTERN,
//   PHONE_PATTERN) and Chinese messages at the field, the server's `details` paths too.
// - Roles as checkboxes from the roles the server says I may give (assignableRoles, computed by
//   domain/people-rules.ts, ROLE_INFO labels): an office gives only its own side's roles, leadership
//   included (issue #17); one person, one side, and a role edit never moves a person across
//   (domain's oneSide / changesSide, the server's own words).
// - 停用 behind a confirmation (the person's sessions and open invite codes end at once), and
//   生成邀请码: the code (large, spaced), the QR, its expiry and how it is used (bind WeChat in the
//   mini-program; set a first password on the desk's binding page).
// Every button only when the server offers it (people.get allowedActions: 'update', 'setRoles',
// 'deactivate', 'inviteCode'; people.list allowedActions 'create').
// Issue #19: the page loads and routes; CreateForm, EditPerson and PersonFields are the form, form.ts
// its checks; every write goes through the page kit (kit/useAction).
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { OFFICES } from '../../../../../domain/roles';
import type { DirectoryPersonView } from '../../../../../domain/schemas/people';
import PageShell, { LoadStates } from '../../../../kit/PageShell';
import { useRecordPage } from '../../../../hooks/useRecordPage';
import { ApiError, call } from '../../../../services/api';
import { queryValue } from '../../../../utils/nav';
// EditPerson first: Dialog's CSS after Skeleton and StateView (PageShell), before the fields', as the other pages load them
import EditPerson from './EditPerson';
import CreateForm from './CreateForm';
import type { Loaded } from './form';
import '../../../../pages/meeting/detail/kit.css';
import '../people/index.css';
import './index.css';

export default function PersonPage() {
  const { params } = useRouter();
  const id = queryValue(params, 'id');
  const orgParam = queryValue(params, 'orgId');
  const fetchPerson = useCallback(async (): Promise<Loaded> => {
    if (id) return { mode: 'edit', person: await call('people.get', { personId: id }) };
    const [list, me] = await Promise.all([call('people.list', orgParam ? { orgId: orgParam } : {}), orgParam ? call('account.me', {}) : Promise.resolve(null)]);
    // Art. 12 (issue #11): in a county the city's offices open only their own side's office accounts
    const county = Boolean(me && orgParam && me.org.id !== orgParam);
    return {
      mode: 'create',
      orgId: orgParam,
      assignable: county ? list.assignableRoles.filter((r) => OFFICES.includes(r)) : list.assignableRoles,
      mayCreate: list.allowedActions.includes('create'),
      county,
    };
  }, [id, orgParam]);
  const record = useRecordPage<Loaded>(fetchPerson, () => new ApiError('not_found', '人员不存在'));
  const { state } = record;
  // a new form after each save (the fields start from what the server answered)
  const [rev, setRev] = useState(0);
  const shown = (view: DirectoryPersonView) => {
    record.set({ mode: 'edit', person: view });
    setRev((n) => n + 1);
  };

  return (
    <PageShell className='person' title={id ? '人员信息' : '新增人员'}>
      <View className='page-container'>
        <LoadStates state={state} skeleton={[[40, 70], [100, 100, 100, 60]]} onRetry={() => void record.reload()} />
        {state.kind === 'ready' && state.value.mode === 'create' ? <CreateForm loaded={state.value} /> : null}
        {state.kind === 'ready' && state.value.mode === 'edit' ? <EditPerson key={`${state.value.person.id}-${rev}`} person={state.value.person} onChanged={shown} /> : null}
      </View>
    </PageShell>
  );
}
