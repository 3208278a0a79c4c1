// One person shown and edited (issue #11): who they are, 停用 (issue #17, behind a confirmation),
// 生成邀请码, and the form; every button only when the server offers it (allowedActions). Each write's
// answer is the person as they are now (or the code), shown as it came: nothing is re-read.
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { DirectoryPersonView, InviteView } from '../../../../../domain/schemas/people';
import Btn from '../../../../components/Btn';
import Dialog from '../../../../components/Dialog';
import { Refusal } from '../../../../kit/PageShell';
import { PrivacyRefused, withPrivacy } from '../../../../services/privacy';
import { useAction } from '../../../../kit/useAction';
import { formatDateTimeCN } from '../../../../utils/date';
import { toast } from '../../../../utils/feedback';
import { PersonState, RoleTags } from '../people/kit';
import { type Errors, type Form, passes, refusalOf, reveal, sameRoles, validate } from './form';
import PersonFields from './PersonFields';

const INVITE_USE = '在小程序中扫码或输入邀请码绑定微信；电脑端打开绑定页面设置首次密码。';

type Act = 'save' | 'deactivate' | 'invite';

export default function EditPerson({ person, onChanged }: { person: DirectoryPersonView; onChanged: (view: DirectoryPersonView) => void }) {
  const can = (a: string) => person.allowedActions.includes(a);
  const editFields = can('update');
  const editRoles = can('setRoles');
  const initial: Form = {
    name: person.name,
    unit: person.unit,
    title: person.title,
    login: person.login ?? '',
    phone: person.phone ?? '',
    roles: person.roles.map((r) => r.role),
    unitHead: person.unitHead,
  };
  const [form, setForm] = useState<Form>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [invite, setInvite] = useState<InviteView | null>(null);
  const [inviteError, setInviteError] = useState<string | null>(null);
  // each answer is the person as they are now (or the code): nothing is re-read
  const { busy, act } = useAction<Act>();
  // the roles offered: those I may give, and the person's own (shown even when I may not give them)
  const offered = [...person.assignableRoles, ...initial.roles.filter((r) => !person.assignableRoles.includes(r))];

  const save = async () => {
    if (busy) return;
    if (!passes(validate(form, Boolean(person.login), initial.roles), setErrors, setRefusal)) return;
    const changed: { name?: string; unit?: string; title?: string; login?: string; phone?: string | null; unitHead?: boolean } = {};
    for (const k of ['name', 'unit', 'title', 'login'] as const) {
      const v = form[k].trim();
      if (v && v !== (initial[k] ?? '').trim()) changed[k] = v;
    }
    const phone = form.phone.trim();
    if (phone !== initial.phone) changed.phone = phone || null;
    if (form.unitHead !== initial.unitHead) changed.unitHead = form.unitHead;
    const rolesChanged = editRoles && !sameRoles(form.roles, initial.roles);
    if (Object.keys(changed).length === 0 && !rolesChanged) {
      toast('没有要修改的内容');
      return;
    }
    let latest: DirectoryPersonView | null = null;
    await act(
      'save',
      async (w) => {
        if (editFields && Object.keys(changed).length > 0) latest = await w('people.update', { personId: person.id, ...changed });
        // a new role set ends the person's sessions at once (the server's session epoch)
        if (rolesChanged) latest = await w('people.setRoles', { personId: person.id, roles: form.roles });
        return latest;
      },
      {
        apply: (view) => view && onChanged(view),
        done: rolesChanged ? '已保存，原登录已失效' : '已保存',
        onError: (error) => {
          const { at, rest } = refusalOf(error);
          setErrors(at);
          setRefusal(latest ? `信息已保存，但角色未能调整：${rest ?? at.roles ?? ''}` : rest);
          reveal(at);
          return true;
        },
      },
    );
  };

  const deactivate = () =>
    act(
      'deactivate',
      (w) => {
        setDialogError(null);
        return w('people.deactivate', { personId: person.id });
      },
      {
        apply: (view) => {
          setConfirming(false);
          onChanged(view);
        },
        done: '已停用',
        onError: (error) => (setDialogError(error.message), true),
      },
    );

  const makeInvite = () =>
    act(
      'invite',
      (w) => {
        setInviteError(null);
        return w('people.inviteCode', { personId: person.id });
      },
      { apply: setInvite, onError: (error) => (setInviteError(error.message), true) },
    );

  const post = [person.unit, person.title].filter(Boolean).join(' · ');
  const mayInvite = can('inviteCode') && person.active;
  return (
    <View>
      <View className='card person__who'>
        <View className='person__who-top'>
          <View className='person__title' role='heading' aria-level={2}>
            {person.name}
          </View>
          <Text className='person__side'>{person.sideLabel}</Text>
          <PersonState person={person} />
        </View>
        {post ? <Text className='person__post'>{post}</Text> : null}
        <RoleTags roles={person.roles} />
        <Text className='person__facts'>
          {`登录名：${person.login ?? '未设置'}　登录密码：${person.hasPassword ? '已设置' : '未设置'}`}
        </Text>
      </View>

      {!person.active ? (
        <View className='notice notice--warn' role='status'>
          <Text className='notice__text'>该人员已停用：不能登录或使用小程序，原有邀请码已作废。</Text>
        </View>
      ) : null}

      {mayInvite || invite ? (
        <View className='card person__invite'>
          <View className='card__head'>
            <Text className='card__title'>邀请码</Text>
          </View>
          {invite ? <InviteCard invite={invite} /> : <Text className='person__hint'>生成邀请码交给本人，用于绑定微信或设置首次密码。邀请码一次有效，7 天内使用。</Text>}
          {inviteError ? (
            <View className='notice notice--error person__invite-error' role='alert'>
              <Text className='notice__text'>{inviteError}</Text>
            </View>
          ) : null}
          {mayInvite ? (
            <View className='person__invite-buttons'>
              <Btn kind={invite ? 'outline' : 'primary'} busy={busy === 'invite'} busyText='生成中…' disabled={busy !== null} onClick={() => void makeInvite()}>
                {invite ? '重新生成邀请码' : '生成邀请码'}
              </Btn>
              {invite ? <Text className='person__hint person__hint--inline'>重新生成后，之前的邀请码作废。</Text> : null}
            </View>
          ) : null}
        </View>
      ) : null}

      <PersonFields
        form={form}
        errors={errors}
        assignable={offered}
        allowed={person.assignableRoles}
        editFields={editFields && person.active}
        editRoles={editRoles && person.active}
        disabled={busy !== null}
        onChange={(f, k) => {
          setForm(f);
          if (errors[k]) setErrors((e) => ({ ...e, [k]: undefined }));
        }}
      />

      <Refusal text={refusal} />

      {(editFields || editRoles) && person.active ? (
        <View className='person__buttons'>
          <Btn kind='primary' block busy={busy === 'save'} busyText='保存中…' disabled={busy !== null} onClick={() => void save()}>
            保存修改
          </Btn>
        </View>
      ) : null}
      {can('deactivate') && person.active ? (
        <View className='person__buttons'>
          <Btn block disabled={busy !== null} onClick={() => {
            setDialogError(null);
            setConfirming(true);
          }}>
            停用
          </Btn>
        </View>
      ) : null}

      {confirming ? (
        <Dialog
          title={`停用「${person.name}」？`}
          subtitle='停用后，此人立即不能登录或使用小程序，未使用的邀请码作废。停用不能在此撤销。'
          confirmText='确认停用'
          busy={busy === 'deactivate'}
          error={dialogError}
          onConfirm={() => void deactivate()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </View>
  );
}

/** The code in two groups of five, the QR, the expiry and how the person uses it. */
function InviteCard({ invite }: { invite: InviteView }) {
  const spaced = `${invite.code.slice(0, 5)} ${invite.code.slice(5)}`;
  const copy = () => {
    // issue #24: the clipboard is privacy-protected in WeChat: asked through the privacy flow first
    void withPrivacy('setClipboardData', () => Taro.setClipboardData({ data: invite.code })).then(
      () => toast('邀请码已复制', 'success'),
      (e: unknown) => toast(e instanceof PrivacyRefused ? e.message : '复制失败，请手动抄写邀请码'),
    );
  };
  return (
    <View className='person__code'>
      <Text className='person__code-label'>邀请码</Text>
      <Text className='person__code-value' aria-label={`邀请码 ${invite.code.split('').join(' ')}`}>
        {spaced}
      </Text>
      <Image className='person__qr' src={invite.qr} ariaLabel='邀请二维码' />
      <Text className='person__code-expiry'>有效期至 {formatDateTimeCN(invite.expiresAt)}，一次有效</Text>
      <Text className='person__code-use'>{INVITE_USE}</Text>
      <Btn small kind='outline' onClick={copy}>
        复制邀请码
      </Btn>
    </View>
  );
}
