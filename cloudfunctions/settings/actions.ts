// settings.get / settings.set — Art. 13 (issue #12): the rule parameters of an org, each version
// with the date it takes effect and who set it. The org's own government or union office sets a
// version from today or later (never back-dated); the parent org's offices read; every change is
// audited by the router and the other office is told. Rules read them through ctx.params at the
// time that matters.
import {
  AppError,
  DEFAULT_LADDER,
  DEFAULT_RULES,
  fromCN,
  GetSettingsInput,
  inForceAt,
  ladderOf,
  SetSettingsInput,
  SIDE_OFFICE,
  todayCN,
  type Actor,
  type Org,
  type SettingsVersionView,
  type SettingsView,
  type VersionedParams,
} from '../../domain';
import type { SettingsDoc } from '../../server/store/docs';
import { offeredActions } from '../../server/kit/access';
import { peopleWithRoles, toEach } from '../../server/notify/notify';
import { defineAction, type ActionContext } from '../../server/kit/registry';
import { orgFacts, orgRecordKind } from '../../server/areas/people';
import { findAll } from '../../server/store/port';

export const settingsKind = orgRecordKind('settings.get');

async function view(ctx: Pick<ActionContext<unknown>, 'store' | 'now'>, org: Org, actor: Actor): Promise<SettingsView> {
  const docs = await findAll<SettingsDoc>(ctx.store, 'settings', { orgId: org._id }, [['effectiveFrom', 'desc']]);
  const current = inForceAt(docs as VersionedParams[], ctx.now);
  const toView = (d: SettingsDoc): SettingsVersionView => ({
    effectiveFrom: d.effectiveFrom, topicLeadMonths: d.topicLeadMonths, dueSoonDays: d.dueSoonDays, regularMeetingsPerYear: d.regularMeetingsPerYear,
    escalateAfterDays: ladderOf(d).escalateAfterDays, // issue #20: the ladder's, default when not carried
    source: d.source, setByName: d.setByName ?? null, setAt: d.setAt ?? null, inForce: d.effectiveFrom === current.effectiveFrom,
  });
  const history = docs.map(toView);
  return {
    orgId: org._id, orgName: org.name,
    inForce: history.find((h) => h.inForce) ?? { ...current, escalateAfterDays: DEFAULT_LADDER.escalateAfterDays, setByName: null, setAt: null, inForce: true },
    history,
    allowedActions: offeredActions(settingsKind, actor, { record: org, facts: orgFacts(org) }),
  };
}

export const get = defineAction({
  name: 'settings.get',
  input: GetSettingsInput,
  record: settingsKind,
  handler: async (_input, ctx) => view(ctx, ctx.record, ctx.actor),
});

export const set = defineAction({
  name: 'settings.set',
  input: SetSettingsInput,
  record: settingsKind,
  target: (i) => i.orgId,
  handler: async ({ params, effectiveFrom }, ctx) => {
    const org = ctx.record;
    if (effectiveFrom < todayCN(ctx.now)) {
      throw new AppError('validation_error', '生效日期不能早于今天', [{ path: 'effectiveFrom', message: '生效日期不能早于今天' }]);
    }
    const from = fromCN(effectiveFrom);
    const docs = await findAll<SettingsDoc>(ctx.store, 'settings', { orgId: org._id }, [['effectiveFrom', 'desc']]);
    // unchanged parameters carry over from the version in force on that date
    const base = inForceAt(docs as VersionedParams[], new Date(from));
    // issue #20: the ladder carries over likewise, from the version in force on that date (newest first)
    const ladder = ladderOf(docs.find((d) => d.effectiveFrom <= from));
    const same = docs.find((d) => d.effectiveFrom === from);
    const mine = ctx.actor.roles.includes(SIDE_OFFICE.gov) ? 'gov' : 'union';
    const other = await peopleWithRoles(ctx.store, org._id, [SIDE_OFFICE[mine === 'gov' ? 'union' : 'gov']]);
    const fields = {
      topicLeadMonths: params.topicLeadMonths ?? base.topicLeadMonths,
      dueSoonDays: params.dueSoonDays ?? base.dueSoonDays,
      regularMeetingsPerYear: params.regularMeetingsPerYear ?? base.regularMeetingsPerYear,
      ladderHour: ladder.ladderHour, escalateAfterDays: params.escalateAfterDays ?? ladder.escalateAfterDays,
      minutesDraftDays: [...ladder.minutesDraftDays], approverDays: ladder.approverDays,
      source: base.source || DEFAULT_RULES.source,
      setBy: ctx.actor.id, setByName: ctx.actor.name, setAt: ctx.now.toISOString(),
    };
    await ctx.write(
      (tx) => (same ? tx.update<SettingsDoc>('settings', same._id, same.version, fields) : tx.insert<SettingsDoc>('settings', { orgId: org._id, effectiveFrom: from, ...fields })),
      (d) => toEach(other, {
        milestone: 'settings_changed', subject: { type: 'org', id: org._id }, occurrence: d.version,
        title: '规则参数已修订', body: `${ctx.actor.name}修订了${org.name}联席会议规则参数，自 ${effectiveFrom} 起施行。`,
        link: `/packages/office/pages/settings/index?orgId=${org._id}`,
      }),
    );
    return view(ctx, org, ctx.actor);
  },
});
