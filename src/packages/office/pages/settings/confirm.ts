// Issue #19: a rule change is confirmed first, saying what changes from which day (Art. 13) — the
// parameters bind both sides of the org, so one click never changes them unawares.
import { SETTING_BOUNDS, type SettingKey } from '../../../../../domain/settings';

/** 「自 2026年12月1日起：任务临期提醒 7 天 → 5 天」 for the parameters that change (the ladder's too, issue #20). */
export function changeSummary(changed: Partial<Record<SettingKey, number>>, base: Record<SettingKey, number>, fromLabel: string): string {
  const lines = (Object.keys(changed) as SettingKey[]).map((k) => {
    const b = SETTING_BOUNDS[k];
    return `${b.label} ${base[k]} ${b.unit} → ${changed[k]} ${b.unit}`;
  });
  return `自${fromLabel}起：${lines.join('；')}。本级政府方和工会方均按新参数执行，此前的记录不改写。`;
}
