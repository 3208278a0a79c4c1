// notify.recordConsent / notify.subscriptions — issue #10: the consent panel's answers kept in the
// ledger (one-time: each accept is one send), and per reminder whether it will reach the person;
// issue #17: and the WeChat messages whose send a crash interrupted (outcome unknown).
import { RecordConsentInput, SubscriptionsInput, TEMPLATE_KEYS, TEMPLATES, type SubscriptionItemView, type SubscriptionsView, type TemplateKey } from '../../../domain';
import type { UncertainDeliveryView } from '../../../domain/schemas/notify';
import { defineAction, type ActionContext } from '../../../server/kit/registry';
import { recordConsent as record, subscriptionId, type DeliveryDoc, type SubscriptionDoc } from '../../../server/notify/subscriptions';

const STATE_LABEL: Record<SubscriptionItemView['state'], string> = {
  on: '可送达', needs_consent: '需再次订阅', refused: '已拒绝', unavailable: '未开通',
};

async function view(ctx: ActionContext<unknown>): Promise<SubscriptionsView> {
  const subs = await Promise.all(TEMPLATE_KEYS.map((k) => ctx.store.get<SubscriptionDoc>('subscriptions', subscriptionId(ctx.actor.id, k))));
  const items = TEMPLATE_KEYS.map((key: TemplateKey, i): SubscriptionItemView => {
    const config = ctx.templates[key];
    const sub = subs[i];
    const credits = sub?.credits ?? 0;
    const answer = sub?.state ?? null;
    // a ban switches the template off; a later "reject" leaves earlier one-time credits usable (the
    // channel spends them), so the state follows the credits, then the last answer
    const state: SubscriptionItemView['state'] = !config
      ? 'unavailable'
      : answer === 'ban'
        ? 'refused'
        : config.kind === 'long_term'
          ? (answer === 'accept' ? 'on' : answer === 'reject' ? 'refused' : 'needs_consent')
          : credits > 0 ? 'on' : answer === 'reject' ? 'refused' : 'needs_consent';
    return {
      templateKey: key, title: TEMPLATES[key].title, description: TEMPLATES[key].description,
      templateId: config?.id ?? null, kind: config?.kind ?? null, credits, answer, state, stateLabel: STATE_LABEL[state],
    };
  });
  // issue #17: the sends a crash interrupted (outcome unknown, never repeated): the person is told
  const unknown = await ctx.store.find<DeliveryDoc>('deliveries', { personId: ctx.actor.id, state: 'unknown' }, { sort: [['createdAt', 'desc']], limit: 20 });
  const uncertain = unknown.items.map((d): UncertainDeliveryView => ({ id: d._id, templateKey: d.templateKey, title: TEMPLATES[d.templateKey].title, at: d.sendAt }));
  return { items, uncertain };
}

export const recordConsent = defineAction({
  name: 'notify.recordConsent',
  input: RecordConsentInput,
  handler: async ({ results }, ctx) => {
    await record(ctx.store, ctx.actor.id, results, ctx.now);
    return view(ctx as ActionContext<unknown>);
  },
});

export const subscriptions = defineAction({
  name: 'notify.subscriptions',
  input: SubscriptionsInput,
  handler: async (_input, ctx) => view(ctx as ActionContext<unknown>),
});
