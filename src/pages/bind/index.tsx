// Binding an account with an office's invite code (issue #11 "Binding a WeChat account"). The
// invitation QR opens this page with `scene` = the 10-character code (WeChat hands a mini-program
// code's scene over still percent-encoded; queryValue decodes it), or the person types the code.
// - WeChat: 绑定 → account.bind binds this WeChat account (the caller's OPENID) to the person the
//   code names → home. Until bound, home leads here instead of a dead end.
// - H5 (a desk browser): the code, a 登录名 when the office set none, the first password twice →
//   account.redeemInvite → the session → home ("First passwords are set through the invite code").
// A code is single use and lasts 7 days; wrong codes are counted (5 an hour): the server's refusals
// are shown as they come, at the field they name.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { PASSWORD_HINT, PEOPLE_LIMITS } from '../../../domain/people-rules';
import Btn from '../../components/Btn';
import PageShell, { Refusal } from '../../kit/PageShell';
import { useAction } from '../../kit/useAction';
import { setSessionToken } from '../../services/api';
import { ROUTES, queryValue } from '../../utils/nav';
import { rememberOfficeContext } from '../../utils/office';
import {
  AccountField,
  type FieldErrors,
  inviteCodeProblem,
  loginProblem,
  newPasswordProblems,
  normalizeInviteCode,
  refusalAtFields,
  revealFirst,
} from '../account/fields';
import '../account/fields.css';
import './index.css';

type Key = 'code' | 'login' | 'password' | 'confirm';
const ORDER: readonly Key[] = ['code', 'login', 'password', 'confirm'];
const fieldId = (k: Key) => `bind-${k}`;

/** The refusals that are about the code itself (the server's generic sentence is the clearer one). */
const CODE_REFUSAL = '邀请码无效、已使用或已过期，请向办公室索取新的邀请码';

/** A code from the QR's scene or a link's `code`, as the server reads it. */
function codeFrom(params: Record<string, string | undefined>): string {
  return normalizeInviteCode(queryValue(params, 'scene') || queryValue(params, 'code')).slice(0, 10);
}

export default function Bind() {
  const { params } = useRouter();
  const weapp = process.env.TARO_ENV !== 'h5';
  const [code, setCode] = useState(() => codeFrom(params));
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Key>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const { busy, act } = useAction<'send'>();
  const fromQr = Boolean(queryValue(params, 'scene'));

  const edit = (k: Key, set: (v: string) => void) => (v: string) => {
    set(v);
    if (errors[k]) setErrors((e) => ({ ...e, [k]: undefined }));
  };

  const check = (): FieldErrors<Key> => {
    const found: FieldErrors<Key> = {};
    const codeProblem = inviteCodeProblem(normalizeInviteCode(code));
    if (codeProblem) found.code = codeProblem;
    if (weapp) return found;
    const loginBad = loginProblem(login.trim(), false);
    if (loginBad) found.login = loginBad;
    const pw = newPasswordProblems(password, confirm);
    if (pw.next) found.password = pw.next;
    if (pw.confirm) found.confirm = pw.confirm;
    return found;
  };

  const submit = async () => {
    if (busy) return;
    const found = check();
    setErrors(found);
    setRefusal(null);
    if (Object.keys(found).length > 0) return revealFirst(ORDER, found, fieldId);
    const clean = normalizeInviteCode(code);
    const sent = await act(
      'send',
      async (w) => {
        if (weapp) {
          await w('account.bind', { code: clean });
        } else {
          const session = await w('account.redeemInvite', { code: clean, password, ...(login.trim() ? { login: login.trim() } : {}) });
          setSessionToken(session.token);
          // a desk browser may have held someone else's office pages
          rememberOfficeContext(null);
        }
        return true;
      },
      {
        refresh: false,
        done: weapp ? '绑定成功' : '密码已设置',
        onError: (error) => {
          const { at, rest } = refusalAtFields(error, ORDER);
          // the invalid / used / expired code: the whole sentence, at the code
          if (at.code) at.code = error.message.startsWith('邀请码') ? error.message : CODE_REFUSAL;
          setErrors(at);
          setRefusal(rest);
          revealFirst(ORDER, at, fieldId);
          return true;
        },
      },
    );
    if (sent) void Taro.reLaunch({ url: ROUTES.home });
  };

  const sending = busy !== null;
  return (
    <PageShell title='绑定账号' className='bind'>
      <View className='page-container aform'>
        <View className='card'>
          <View className='aform__title' role='heading' aria-level={2}>
            {weapp ? '绑定微信' : '设置登录密码'}
          </View>
          <Text className='aform__intro'>
            {weapp
              ? '请使用办公室发放的邀请码绑定本微信，绑定后打开小程序即可使用联席会议。邀请码一次有效，7 天内使用。'
              : '请使用办公室发放的邀请码设置登录名和首次密码，之后在电脑端用登录名和密码登录。邀请码一次有效，7 天内使用。'}
          </Text>
        </View>

        <View className='card'>
          <AccountField
            id={fieldId('code')}
            label='邀请码'
            code
            value={code}
            maxlength={14}
            placeholder='10 位字母和数字'
            error={errors.code}
            hint={fromQr && !errors.code ? '已从二维码读取邀请码' : '不区分大小写，不含数字 0、1 和字母 O、I、L'}
            disabled={sending}
            onInput={edit('code', setCode)}
          />
          {weapp ? null : (
            <View>
              <AccountField
                id={fieldId('login')}
                label='登录名'
                optional
                value={login}
                maxlength={PEOPLE_LIMITS.login.max}
                placeholder='如 zhang.wei'
                error={errors.login}
                hint='3–32 位字母、数字或 _ . -；办公室已为您设置登录名的可不填'
                disabled={sending}
                onInput={edit('login', setLogin)}
              />
              <AccountField
                id={fieldId('password')}
                label='新密码'
                password
                value={password}
                maxlength={PEOPLE_LIMITS.password.max}
                placeholder='至少 8 位，含字母和数字'
                hint={PASSWORD_HINT}
                error={errors.password}
                disabled={sending}
                onInput={edit('password', setPassword)}
              />
              <AccountField
                id={fieldId('confirm')}
                label='确认密码'
                password
                value={confirm}
                maxlength={PEOPLE_LIMITS.password.max}
                placeholder='再次输入新密码'
                error={errors.confirm}
                disabled={sending}
                onInput={edit('confirm', setConfirm)}
                onConfirm={() => void submit()}
              />
            </View>
          )}

          <Refusal text={refusal} className='bind__refusal' />

          <View className='aform__buttons'>
            <Btn kind='primary' block busy={busy === 'send'} busyText={weapp ? '绑定中…' : '提交中…'} onClick={() => void submit()}>
              {weapp ? '绑定' : '设置密码并登录'}
            </Btn>
          </View>
        </View>
        <Text className='bind__help'>没有邀请码或邀请码已失效？请联系本单位的政府办公室或总工会办公室重新发放。</Text>
      </View>
    </PageShell>
  );
}
