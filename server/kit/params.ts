// Art. 13: the rule parameters of an org in force at `now` — the latest version whose effective
// date has come (domain/settings.ts). One indexed read, remembered for the rest of the call.
import { inForceAt, type ParamsInForce, type VersionedParams } from '../../domain';
import type { SettingsDoc } from '../store/docs';
import type { Store } from '../store/port';

export function paramsFor(store: Store, now: Date): (orgId: string) => Promise<ParamsInForce> {
  const seen = new Map<string, Promise<ParamsInForce>>();
  return (orgId) => {
    let p = seen.get(orgId);
    if (!p) {
      p = store
        .find<SettingsDoc>('settings', { orgId, effectiveFrom: { lte: now.toISOString() } }, { sort: [['effectiveFrom', 'desc']], limit: 1 })
        .then((page) => inForceAt(page.items as VersionedParams[], now));
      seen.set(orgId, p);
    }
    return p;
  };
}
