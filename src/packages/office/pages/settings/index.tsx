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
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { SettingsVersionView, SettingsView } from '../../../../../domain/schemas/compliance';
import { changeSummary } from './confirm';
import { REPEALED_RULES, SETTING_BOUNDS, type SettingKey } from '../../../../../domain/settings';
import Btn from '../../../../components/Btn';
import PageShell from '../../../../components/PageShell';
import Skeleton from '../../../../components/Skeleton';
import StateView from '../../../../components/StateView';
import { useBusy } from '../../../../hooks/useBusy';
import { useRecordPage } from '../../../../hooks/useRecordPage';
import { useWrite } from '../../../../hooks/useWrite';
import { ApiError, call, toApiError } from '../../../../services/api';
import { formatDateCN, formatDateTimeShortCN } from '../../../../utils/date';
import { toast } from '../../../../utils/feedback';
import { queryValue } from '../../../../utils/nav';
import { DateField, FieldLabel, todayCN } from '../../../../pages/task/mine/kit';
import { HeadRow, Row, Table, Td, Th } from '../../parts/Table';
import { useDeskTable } from '../../parts/useDesk';
import './index.css';

type Param = SettingKey;
/** Every value a version carries, by parameter. */
type Values = Record<Param, number>;
const PARAMS: readonly Param[] = ['topicLeadMonths', 'dueSoonDays', 'escalateAfterDays', 'regularMeetingsPerYear'];
const PARAM_BOUNDS = SETTING_BOUNDS;

/** What each parameter carries out, by article. */
const PARAM_HINT: Record<Param, string> = {
  topicLeadMonths: '第六条：会议召开前多少个月开始征集议题',
  dueSoonDays: '第十一条：任务到期前多少天起提示“临期”，并提醒责任人',
  escalateAfterDays: '第十一条：任务逾期多少天起，每周汇总告知召集人和责任单位负责人',
  regularMeetingsPerYear: '第四条：原则上每年召开例会的次数',
};

type Draft = Record<Param, string>;
type Errors = Partial<Record<Param | 'effectiveFrom' | 'form', string>>;

const draftOf = (v: Values): Draft => ({
  topicLeadMonths: String(v.topicLeadMonths),
  dueSoonDays: String(v.dueSoonDays),
  escalateAfterDays: String(v.escalateAfterDays),
  regularMeetingsPerYear: String(v.regularMeetingsPerYear),
});

/** The start of a Shanghai calendar day (`YYYY-MM-DD`) as the server stores it (UTC ISO). */
function dayStartIso(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

/** A value with its unit, e.g. 7 天. */
const withUnit = (k: Param, n: number) => `${n} ${PARAM_BOUNDS[k].unit}`;

/** One bounded whole number, or the message saying why not (the server's words). */
function checkParam(k: Param, raw: string): { ok: true; value: number } | { ok: false; message: string } {
  const b = PARAM_BOUNDS[k];
  const t = raw.trim();
  if (!/^\d+$/.test(t)) return { ok: false, message: `请填写${b.label}（整数）` };
  const n = Number(t);
  if (n < b.min) return { ok: false, message: `${b.label}不能少于 ${b.min} ${b.unit}` };
  if (n > b.max) return { ok: false, message: `${b.label}不能多于 ${b.max} ${b.unit}` };
  return { ok: true, value: n };
}

/** A refusal's messages by field: params.dueSoonDays → dueSoonDays; what names no field → form. */
function refusalErrors(error: ApiError): Errors {
  const out: Errors = {};
  if (Array.isArray(error.details)) {
    for (const d of error.details as unknown[]) {
      if (typeof d !== 'object' || d === null) continue;
      const { path, message } = d as { path?: unknown; message?: unknown };
      if (typeof message !== 'string') continue;
      const parts = typeof path === 'string' ? path.split('.') : Array.isArray(path) ? path.map(String) : [];
      const key = parts[0] === 'params' && parts[1] && (PARAMS as readonly string[]).includes(parts[1]) ? (parts[1] as Param) : parts[0] === 'effectiveFrom' ? 'effectiveFrom' : 'form';
      if (!(key in out)) out[key] = message;
    }
  }
  if (Object.keys(out).length === 0) out.form = error.message;
  return out;
}

const fieldId = (k: keyof Errors) => `orgset-${k}`;

/** Brings the first field in error into view (the page's order), so its message is seen. */
function revealFirst(errors: Errors): void {
  const first = ([...PARAMS, 'effectiveFrom', 'form'] as const).find((k) => errors[k]);
  if (!first) return;
  const id = fieldId(first);
  if (process.env.TARO_ENV === 'h5') {
    setTimeout(() => {
      const el = typeof document !== 'undefined' ? document.getElementById(id) : null;
      el?.scrollIntoView({ block: 'center' });
    }, 0);
    return;
  }
  void Taro.pageScrollTo({ selector: `#${id}`, offsetTop: -120, duration: 200 }).catch(() => undefined);
}

/** A version's standing: in force, waiting for its date, or replaced by a later one. */
function standing(v: SettingsVersionView, now: string): { text: string; cls: string } {
  if (v.inForce) return { text: '现行', cls: 'tag tag--accepted' };
  if (v.effectiveFrom > now) return { text: '待施行', cls: 'tag tag--submitted' };
  return { text: '已停止施行', cls: 'tag tag--plain' };
}

const setByText = (v: SettingsVersionView) => (v.setByName ? `${v.setByName}${v.setAt ? ` · ${formatDateTimeShortCN(v.setAt)}` : ''}` : '随规则印发');

export default function OrgSettings() {
  const { params } = useRouter();
  const orgId = queryValue(params, 'orgId');
  const fetchSettings = useCallback(() => call('settings.get', orgId ? { orgId } : {}), [orgId]);
  const record = useRecordPage<SettingsView>(fetchSettings, noSettings);
  const { state } = record;
  const desk = useDeskTable();
  const write = useWrite();
  const { busy, run } = useBusy<'save'>();
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

  if (state.kind === 'loading') {
    return (
      <PageShell className='orgset'>
        <View className='page-container'>
          <Text className='sr-only'>加载中…</Text>
          <Skeleton block lines={[60, 90]} />
          <Skeleton lines={[100, 100, 100]} />
        </View>
      </PageShell>
    );
  }
  if (state.kind === 'error' || !view) {
    return (
      <PageShell className='orgset'>
        <View className='page-container'>
          <StateView kind='error' error={state.kind === 'error' ? state.error : noSettings()} onRetry={() => void record.reload()} />
        </View>
      </PageShell>
    );
  }

  const now = new Date().toISOString();
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

  const save = () =>
    run('save', async () => {
      const found: Errors = {};
      const values: Partial<Values> = {};
      for (const k of PARAMS) {
        const c = checkParam(k, form[k]);
        if (c.ok) values[k] = c.value;
        else found[k] = c.message;
      }
      if (!effectiveFrom) found.effectiveFrom = '请选择生效日期';
      else if (effectiveFrom < todayCN()) found.effectiveFrom = '生效日期不能早于今天';
      if (Object.keys(found).length) {
        setErrors(found);
        revealFirst(found);
        return;
      }
      // Only what differs from the version in force on that date; the rest carries over (server).
      const from = dayStartIso(effectiveFrom);
      const base = history.find((h) => h.effectiveFrom <= from) ?? inForce;
      const changed: Partial<Values> = {};
      for (const k of PARAMS) if (values[k] !== base[k]) changed[k] = values[k];
      if (Object.keys(changed).length === 0) {
        const same: Errors = { form: `与${formatDateCN(from)}施行的参数相同，无需修订` };
        setErrors(same);
        revealFirst(same);
        return;
      }
      setErrors({});
      // issue #19: what changes from which day, confirmed before it is written
      const sure = await Taro.showModal({ title: '确认修订规则参数', content: changeSummary(changed, base, formatDateCN(from)), confirmText: '确认修订', cancelText: '再想想', confirmColor: '#b71c1c' });
      if (!sure.confirm) return;
      try {
        const next = await write('settings.set', { orgId: view.orgId, params: changed, effectiveFrom });
        record.set(next);
        setDraft(draftOf(next.inForce));
        setEffectiveFrom(todayCN());
        toast(effectiveFrom === todayCN() ? '规则参数已修订，今日起施行' : '规则参数已修订，到期施行', 'success');
        // back to the top: the parameters in force and the new version are what to look at now
        void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
      } catch (e) {
        const refused = refusalErrors(toApiError(e));
        setErrors(refused);
        revealFirst(refused);
      }
    });

  const h5 = process.env.TARO_ENV === 'h5';

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

        <View className='card'>
          <View className='card__head'>
            <View className='card__title' role='heading' aria-level={3}>
              现行参数
            </View>
          </View>
          {PARAMS.map((k) => (
            <View key={k} className='orgset-fact'>
              <View className='orgset-fact__main'>
                <Text className='orgset-fact__label'>{PARAM_BOUNDS[k].label}</Text>
                <Text className='orgset-fact__hint'>{PARAM_HINT[k]}</Text>
              </View>
              <Text className='orgset-fact__value'>{withUnit(k, inForce[k])}</Text>
            </View>
          ))}
          <Text className='orgset__meta'>
            依据：{inForce.source} · 自 {formatDateCN(inForce.effectiveFrom)} 起施行 · 修订：{setByText(inForce)}
          </Text>
        </View>

        {canSet ? (
          <View className='card'>
            <View className='card__head'>
              <View className='card__title' role='heading' aria-level={3}>
                修订参数
              </View>
            </View>
            {PARAMS.map((k) => {
              const b = PARAM_BOUNDS[k];
              const name = `${b.label}（${b.unit}）`;
              const a11y: Record<string, unknown> = h5 ? { nativeProps: { 'aria-label': name, inputmode: 'numeric', 'aria-invalid': errors[k] ? 'true' : 'false' } } : { ariaLabel: name };
              const n = Number(form[k]);
              return (
                <View key={k} id={fieldId(k)} className='tk-field orgset-param'>
                  <FieldLabel label={b.label} error={errors[k]} />
                  <View className='orgset-step'>
                    <Btn kind='default' small className='orgset-step__btn' label={`${b.label}减少 1 ${b.unit}`} disabled={busy !== null || !(n > b.min)} onClick={() => step(k, -1)}>
                      −
                    </Btn>
                    <Input
                      className={errors[k] ? 'tk-input orgset-step__input tk-input--error' : 'tk-input orgset-step__input'}
                      type='number'
                      value={form[k]}
                      maxlength={2}
                      disabled={busy !== null}
                      {...a11y}
                      onInput={(e) => setParam(k, e.detail.value)}
                    />
                    <Btn kind='default' small className='orgset-step__btn' label={`${b.label}增加 1 ${b.unit}`} disabled={busy !== null || !(n < b.max)} onClick={() => step(k, 1)}>
                      +
                    </Btn>
                    <Text className='orgset-step__unit'>{b.unit}</Text>
                  </View>
                  <Text className='orgset-param__hint'>
                    {PARAM_HINT[k]}；可设 {b.min}–{b.max} {b.unit}，现行 {withUnit(k, inForce[k])}
                  </Text>
                </View>
              );
            })}
            <View id={fieldId('effectiveFrom')} className='orgset-date'>
              <DateField
                label='生效日期'
                value={effectiveFrom}
                start={today}
                error={errors.effectiveFrom}
                disabled={busy !== null}
                onChange={(v) => {
                  setEffectiveFrom(v);
                  if (errors.effectiveFrom || errors.form) setErrors({ ...errors, effectiveFrom: undefined, form: undefined });
                }}
              />
            </View>
            <View className='notice notice--info orgset__explain'>
              <Text className='notice__text'>
                新参数自生效日期 0 时（北京时间）起施行，只能选今天或以后的日期；此前的会议和任务不受影响。保存后将告知本级另一方办公室。
              </Text>
            </View>
            {errors.form ? (
              <View id={fieldId('form')} className='orgset__error' role='alert'>
                <Text>{errors.form}</Text>
              </View>
            ) : null}
            <Btn kind='primary' block busy={busy === 'save'} busyText='保存中…' disabled={busy !== null} onClick={() => void save()}>
              保存
            </Btn>
          </View>
        ) : (
          <View className='notice notice--info'>
            <Text className='notice__title'>只读</Text>
            <Text className='notice__text'>规则参数由{view.orgName}政府办公室或总工会办公室修订；您可以查看现行参数和历次修订。</Text>
          </View>
        )}

        <View className='card'>
          <View className='card__head'>
            <View className='card__title' role='heading' aria-level={3}>
              修订记录（{history.length}）
            </View>
          </View>
          {history.length === 0 ? (
            <StateView kind='empty' compact title='暂无修订记录' message='现行参数为规则印发时的默认值' />
          ) : desk ? (
            <Table label='修订记录' className='orgset-table'>
              <HeadRow>
                <Th>生效日期</Th>
                {PARAMS.map((k) => (
                  <Th key={k}>{PARAM_BOUNDS[k].label}</Th>
                ))}
                <Th>依据</Th>
                <Th>修订人</Th>
                <Th>状态</Th>
              </HeadRow>
              {history.map((v) => {
                const s = standing(v, now);
                return (
                  <Row key={v.effectiveFrom}>
                    <Td>
                      <Text className='dtable__main'>{formatDateCN(v.effectiveFrom)}</Text>
                    </Td>
                    {PARAMS.map((k) => (
                      <Td key={k} className='dtable__cell--num'>
                        <Text className='dtable__main'>{withUnit(k, v[k])}</Text>
                      </Td>
                    ))}
                    <Td>
                      <Text className='dtable__sub'>{v.source}</Text>
                    </Td>
                    <Td>
                      <Text className='dtable__sub'>{setByText(v)}</Text>
                    </Td>
                    <Td>
                      <Text className={s.cls}>{s.text}</Text>
                    </Td>
                  </Row>
                );
              })}
            </Table>
          ) : (
            <View>
              {history.map((v) => {
                const s = standing(v, now);
                return (
                  <View key={v.effectiveFrom} className='orgset-version'>
                    <View className='orgset-version__head'>
                      <Text className='orgset-version__date'>自 {formatDateCN(v.effectiveFrom)} 起</Text>
                      <Text className={s.cls}>{s.text}</Text>
                    </View>
                    <Text className='orgset-version__params'>{PARAMS.map((k) => `${PARAM_BOUNDS[k].label} ${withUnit(k, v[k])}`).join('；')}</Text>
                    <Text className='orgset-version__meta'>
                      依据：{v.source} · 修订：{setByText(v)}
                    </Text>
                  </View>
                );
              })}
            </View>
          )}
        </View>
      </View>
    </PageShell>
  );
}

/** Never shown: settings.get answers for my own org without an id. */
function noSettings(): ApiError {
  return new ApiError('not_found', '规则参数不存在');
}
