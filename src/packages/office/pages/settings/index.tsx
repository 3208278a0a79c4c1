// 规则参数 — an org's rule parameters (Art. 13, issue #12): `?orgId=` (default: my org) through
// settings.get. The parameters in force with their source and the date they took effect; every
// version (a table at a desk, a list on a phone), each with who set it and whether it is in force,
// waiting for its date or replaced. When the server offers 'set' (the org's own government or union
// office), a form: the parameters bounded by SETTING_BOUNDS — the rules' three and, issue #20, the
// ladder's escalation (how many days overdue a task joins the weekly digest) — 生效日期 (today or
// later, never back-dated) and 保存 (settings.set, only what differs from the version in force on
// that date).
// A change applies from its date on and never rewrites what was judged before; the server tells the
// other office. Refusals are shown at their field.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { SettingsView } from '../../../../../domain/schemas/compliance';
import { changeSummary } from './confirm';
import { REPEALED_RULES } from '../../../../../domain/settings';
import PageShell from '../../../../kit/PageShell';
import { useRecordPage } from '../../../../hooks/useRecordPage';
import { useAction } from '../../../../kit/useAction';
import { ApiError, call } from '../../../../services/api';
import { formatDateCN } from '../../../../utils/date';
import { queryValue } from '../../../../utils/nav';
import { todayCN } from '../../../../pages/task/mine/kit';
import { useDeskTable } from '../../parts/useDesk';
import { History, InForce } from './History';
import ParamForm from './ParamForm';
import { type Draft, type Errors, PARAMS, PARAM_BOUNDS, type Param, type Values, FIELD_ORDER, checkParam, dayStartIso, draftOf, fieldId, refusalErrors } from './params';
import { revealFirst } from '../../../../utils/reveal';
import './index.css';

export default function OrgSettings() {
  const { params } = useRouter();
  const orgId = queryValue(params, 'orgId');
  const fetchSettings = useCallback(() => call('settings.get', orgId ? { orgId } : {}), [orgId]);
  const record = useRecordPage<SettingsView>(fetchSettings, noSettings);
  const { state } = record;
  const desk = useDeskTable();
  const { busy, act } = useAction<'save'>(record.reload);
  const today = todayCN();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [effectiveFrom, setEffectiveFrom] = useState(today);
  const [errors, setErrors] = useState<Errors>({});
  const [draftFor, setDraftFor] = useState('');

  // The form starts from the parameters in force, once per org shown (a quiet refresh keeps what is typed).
  const view = state.kind === 'ready' ? state.value : null;
  if (view && draftFor !== view.orgId) {
    setDraftFor(view.orgId);
    setDraft(draftOf(view.inForce));
  }

  if (!view) {
    return <PageShell className='orgset' state={state} onRetry={() => void record.reload()} />;
  }

  const canSet = view.allowedActions.includes('set');
  const form = draft ?? draftOf(view.inForce);
  const { inForce, history } = view;

  const setParam = (k: Param, v: string) => {
    setDraft({ ...form, [k]: v });
    if (errors[k] || errors.form) setErrors({ ...errors, [k]: undefined, form: undefined });
  };
  const step = (k: Param, by: number) => {
    const n = Number(form[k]);
    const b = PARAM_BOUNDS[k];
    const base = Number.isInteger(n) ? n : inForce[k];
    setParam(k, String(Math.min(b.max, Math.max(b.min, base + by))));
  };
  const setDate = (v: string) => {
    setEffectiveFrom(v);
    if (errors.effectiveFrom || errors.form) setErrors({ ...errors, effectiveFrom: undefined, form: undefined });
  };
  const showErrors = (found: Errors) => {
    setErrors(found);
    revealFirst(FIELD_ORDER, found, fieldId);
  };

  const save = () => {
    if (busy) return;
    const found: Errors = {};
    const values: Partial<Values> = {};
    for (const k of PARAMS) {
      const c = checkParam(k, form[k]);
      if (c.ok) values[k] = c.value;
      else found[k] = c.message;
    }
    if (!effectiveFrom) found.effectiveFrom = '请选择生效日期';
    else if (effectiveFrom < todayCN()) found.effectiveFrom = '生效日期不能早于今天';
    if (Object.keys(found).length) return showErrors(found);
    // Only what differs from the version in force on that date; the rest carries over (server).
    const from = dayStartIso(effectiveFrom);
    const base = history.find((h) => h.effectiveFrom <= from) ?? inForce;
    const changed: Partial<Values> = {};
    for (const k of PARAMS) if (values[k] !== base[k]) changed[k] = values[k];
    if (Object.keys(changed).length === 0) return showErrors({ form: `与${formatDateCN(from)}施行的参数相同，无需修订` });
    setErrors({});
    void act('save', (w) => w('settings.set', { orgId: view.orgId, params: changed, effectiveFrom }), {
      // issue #19: what changes from which day, confirmed before it is written
      confirm: { title: '确认修订规则参数', content: changeSummary(changed, base, formatDateCN(from)), confirmText: '确认修订', cancelText: '再想想' },
      apply: (next) => {
        record.set(next);
        setDraft(draftOf(next.inForce));
        setEffectiveFrom(todayCN());
      },
      done: effectiveFrom === todayCN() ? '规则参数已修订，今日起施行' : '规则参数已修订，到期施行',
      onError: (e) => {
        showErrors(refusalErrors(e));
        return true;
      },
    }).then((next) => {
      // back to the top: the parameters in force and the new version are what to look at now
      if (next) void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    });
  };

  return (
    <PageShell className='orgset'>
      <View className='page-container'>
        <View className='card'>
          <View className='orgset__title' role='heading' aria-level={2}>
            {view.orgName}联席会议规则参数
          </View>
          <Text className='orgset__sub'>
            依据《联席会议工作规则》（{inForce.source}）第十三条。参数修订自生效日期起施行，此前已召开的会议、已判断的任务仍按当时施行的参数，历史不会改写。{`原工作规则（${REPEALED_RULES.source}）自 ${formatDateCN(REPEALED_RULES.repealedOn)} 起废止。`}
          </Text>
        </View>

        <InForce inForce={inForce} />

        {canSet ? (
          <ParamForm
            form={form}
            errors={errors}
            inForce={inForce}
            effectiveFrom={effectiveFrom}
            today={today}
            busy={busy !== null}
            saving={busy === 'save'}
            onParam={setParam}
            onStep={step}
            onDate={setDate}
            onSave={save}
          />
        ) : (
          <View className='notice notice--info'>
            <Text className='notice__title'>只读</Text>
            <Text className='notice__text'>规则参数由{view.orgName}政府办公室或总工会办公室修订；您可以查看现行参数和历次修订。</Text>
          </View>
        )}

        <History history={history} desk={desk} />
      </View>
    </PageShell>
  );
}

/** Never shown: settings.get answers for my own org without an id. */
function noSettings(): ApiError {
  return new ApiError('not_found', '规则参数不存在');
}
