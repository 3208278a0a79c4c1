// 规则参数: the 修订参数 card — each parameter with − / + within its bounds, 生效日期 (today or
// later), the refusal that names no field, and 保存. The page holds the draft and sends it.
import { Input, Text, View } from '@tarojs/components';
import Btn from '../../../../components/Btn';
import { DateField, FieldLabel } from '../../../../pages/task/mine/kit';
import { type Draft, type Errors, PARAMS, PARAM_BOUNDS, PARAM_HINT, type Param, type Values, fieldId, withUnit } from './params';

interface Props {
  form: Draft;
  errors: Errors;
  inForce: Values;
  effectiveFrom: string;
  today: string;
  busy: boolean;
  saving: boolean;
  onParam: (k: Param, v: string) => void;
  onStep: (k: Param, by: number) => void;
  onDate: (v: string) => void;
  onSave: () => void;
}

export default function ParamForm({ form, errors, inForce, effectiveFrom, today, busy, saving, onParam, onStep, onDate, onSave }: Props) {
  const h5 = process.env.TARO_ENV === 'h5';
  return (
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
              <Btn kind='default' small className='orgset-step__btn' label={`${b.label}减少 1 ${b.unit}`} disabled={busy || !(n > b.min)} onClick={() => onStep(k, -1)}>
                −
              </Btn>
              <Input
                className={errors[k] ? 'tk-input orgset-step__input tk-input--error' : 'tk-input orgset-step__input'}
                type='number'
                value={form[k]}
                maxlength={2}
                disabled={busy}
                {...a11y}
                onInput={(e) => onParam(k, e.detail.value)}
              />
              <Btn kind='default' small className='orgset-step__btn' label={`${b.label}增加 1 ${b.unit}`} disabled={busy || !(n < b.max)} onClick={() => onStep(k, 1)}>
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
        <DateField label='生效日期' value={effectiveFrom} start={today} error={errors.effectiveFrom} disabled={busy} onChange={onDate} />
      </View>
      <View className='notice notice--info orgset__explain'>
        <Text className='notice__text'>新参数自生效日期 0 时（北京时间）起施行，只能选今天或以后的日期；此前的会议和任务不受影响。保存后将告知本级另一方办公室。</Text>
      </View>
      {errors.form ? (
        <View id={fieldId('form')} className='orgset__error' role='alert'>
          <Text>{errors.form}</Text>
        </View>
      ) : null}
      <Btn kind='primary' block busy={saving} busyText='保存中…' disabled={busy} onClick={onSave}>
        保存
      </Btn>
    </View>
  );
}
