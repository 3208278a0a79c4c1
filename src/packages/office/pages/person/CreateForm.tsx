// 新增人员 (issue #11): the empty form with the roles the server says I may give; saved through the
// page kit, then the new person's page opens, where the invite code is generated.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import Btn from '../../../../components/Btn';
import { Refusal } from '../../../../kit/PageShell';
import StateView from '../../../../components/StateView';
import { useAction } from '../../../../kit/useAction';
import type { ApiError } from '../../../../services/api';
import { ROUTES, pageUrl } from '../../../../utils/nav';
import { type Errors, type Form, type Loaded, passes, refusalOf, reveal, validate } from './form';
import PersonFields from './PersonFields';

export default function CreateForm({ loaded }: { loaded: Extract<Loaded, { mode: 'create' }> }) {
  const [form, setForm] = useState<Form>({ name: '', unit: '', title: '', login: '', phone: '', roles: [], unitHead: false });
  const [errors, setErrors] = useState<Errors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  // nothing to re-read: a new person's page opens once saved
  const { busy, act } = useAction<'save'>();

  if (!loaded.mayCreate) {
    return <StateView kind='notice' title='无权新增人员' message='各方办公室维护本方人员，请联系本方办公室。' exits />;
  }

  const save = async () => {
    if (busy) return;
    if (!passes(validate(form, false), setErrors, setRefusal)) return;
    const made = await act(
      'save',
      (w) =>
        w('people.create', {
          ...(loaded.orgId ? { orgId: loaded.orgId } : {}),
          name: form.name.trim(),
          unit: form.unit.trim(),
          title: form.title.trim(),
          roles: form.roles,
          ...(form.login.trim() ? { login: form.login.trim() } : {}),
          ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
          ...(form.unitHead ? { unitHead: true } : {}),
        }),
      { refresh: false, done: '已新增人员', onError: (error) => showRefusal(error) },
    );
    // the new person's page, where the invite code is generated
    if (made) void Taro.redirectTo({ url: pageUrl(ROUTES.person, { id: made.id }) });
  };

  /** The refusal at its fields, or above the buttons: no toast. */
  const showRefusal = (error: ApiError) => {
    const { at, rest } = refusalOf(error);
    setErrors(at);
    setRefusal(rest);
    reveal(at);
    return true;
  };

  return (
    <View>
      <View className='card'>
        <View className='person__title' role='heading' aria-level={2}>
          新增人员
        </View>
        <Text className='person__hint'>
          {loaded.county
            ? '为下级联席会议开设本方办公室账号。保存后可生成邀请码，由本人绑定微信或设置首次密码。'
            : '保存后可生成邀请码，由本人绑定微信或设置首次密码。'}
        </Text>
      </View>
      <PersonFields form={form} errors={errors} assignable={loaded.assignable} editFields editRoles disabled={busy !== null} onChange={(f, k) => {
        setForm(f);
        if (errors[k]) setErrors((e) => ({ ...e, [k]: undefined }));
      }} />
      <Refusal text={refusal} />
      <View className='person__buttons'>
        <Btn kind='primary' block busy={busy === 'save'} busyText='保存中…' onClick={() => void save()}>
          保存
        </Btn>
      </View>
    </View>
  );
}
