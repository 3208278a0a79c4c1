// How the press release is shown (Art. 10): both approvals side by side, the returns, allowedActions.
import { pressWorkflow, SIDE_LABEL, type Actor, type PressView } from '../../domain';
import { offeredActions } from '../../server/kit/access';
import { pressFacts, pressKind, type PressRecord } from './model';

export function toPressView(r: PressRecord, actor: Actor): PressView {
  const { meeting: m, press: p } = r;
  const approval = (a: NonNullable<NonNullable<PressRecord['press']>['approvals']['gov']> | null) => (a ? { byName: a.byName, at: a.at } : null);
  return {
    meetingId: m._id, meetingTitle: m.title, exists: !!p,
    title: p?.title ?? '', text: p?.text ?? '', revision: p?.revision ?? 0,
    status: p?.status ?? 'draft', statusLabel: p ? pressWorkflow.states[p.status].label : '尚未起草',
    approvals: { gov: approval(p?.approvals.gov ?? null), union: approval(p?.approvals.union ?? null) },
    returns: (p?.returns ?? []).map((x) => ({ reason: x.reason, sideLabel: SIDE_LABEL[x.side], byName: x.byName, at: x.at })),
    ...(p ? { updatedAt: p.updatedAt, updatedByName: p.updatedByName } : {}),
    allowedActions: offeredActions(pressKind, actor, { record: r, facts: pressFacts(r) }),
  };
}
