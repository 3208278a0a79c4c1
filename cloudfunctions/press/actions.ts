// press.draft / press.approve / press.return / press.get — Art. 10: the government office and the
// union are jointly responsible for publicity. Either office drafts; each office approves the
// current text; the release is approved only when both have; an edit clears both approvals.
import { AppError, DraftPressInput, otherSide, PRESS_OFFICES, pressSideOf, pressWorkflow, PressIdInput, ReturnPressInput, type Actor, type OneSide } from '../../domain';
import type { PressDoc } from '../../server/store/docs';
import { peopleWithRoles } from '../../server/notify/notify';
import { move } from '../../server/kit/records';
import { defineAction, type ActionContext } from '../../server/kit/registry';
import { pressKind, requireHeld, type PressRecord } from './model';
import { approvedBoth, askOther, returned } from './notices';
import { toPressView } from './views';

const NO_APPROVALS: PressDoc['approvals'] = { gov: null, union: null };

function sideOrRefuse(actor: Actor): OneSide {
  const side = pressSideOf(actor.roles);
  if (!side) throw new AppError('forbidden');
  return side;
}

const otherOffice = (ctx: ActionContext<PressRecord>, side: OneSide) => peopleWithRoles(ctx.store, ctx.record.meeting.orgId, [PRESS_OFFICES[otherSide(side)]]);

export const draft = defineAction({
  name: 'press.draft',
  input: DraftPressInput,
  record: pressKind,
  guard: requireHeld,
  target: (i) => i.meetingId,
  handler: async ({ title, text }, ctx) => {
    const { meeting, press } = ctx.record;
    const side = sideOrRefuse(ctx.actor);
    const others = await otherOffice(ctx, side);
    const stamp = { updatedAt: ctx.now.toISOString(), updatedBy: ctx.actor.id, updatedByName: ctx.actor.name };
    const saved = await ctx.write(async (tx) => {
      if (!press) {
        return tx.insert<PressDoc>('press', {
          _id: meeting._id, orgId: meeting.orgId, meetingId: meeting._id, title, text, revision: 1, status: pressWorkflow.initial,
          approvals: NO_APPROVALS, returns: [], ...stamp,
        });
      }
      // Art. 10: a new text needs both approvals again
      const patch = { title, text, revision: press.revision + 1, approvals: NO_APPROVALS, ...stamp };
      return press.status === 'approved'
        ? move(tx, 'press', pressWorkflow, press, 'edit', ctx.actor.roles, patch)
        : tx.update<PressDoc>('press', press._id, press.version, patch);
    }, (doc) => askOther(others, meeting, doc, ctx.actor.name));
    return toPressView({ meeting, press: saved }, ctx.actor);
  },
});

/** Approving needs a draft this office has not approved yet. */
function mayApprove(r: PressRecord, actor: Actor): void {
  requireHeld(r);
  if (!r.press) throw new AppError('invalid_transition', '宣传稿件尚未起草');
  const side = sideOrRefuse(actor);
  if (r.press.status === 'approved') throw new AppError('invalid_transition', '稿件已经双方审核');
  if (r.press.approvals[side]) throw new AppError('invalid_transition', '本方已审核当前稿件，待另一方审核');
}

export const approve = defineAction({
  name: 'press.approve',
  input: PressIdInput,
  record: pressKind,
  guard: mayApprove,
  target: (i) => i.meetingId,
  handler: async (_input, ctx) => {
    const { meeting } = ctx.record;
    const press = ctx.record.press!;
    const side = sideOrRefuse(ctx.actor);
    const both = press.approvals[otherSide(side)] !== null;
    const people = await peopleWithRoles(ctx.store, meeting.orgId, [PRESS_OFFICES.gov, PRESS_OFFICES.union]);
    const approvals = { ...press.approvals, [side]: { by: ctx.actor.id, byName: ctx.actor.name, at: ctx.now.toISOString(), revision: press.revision } };
    const saved = await ctx.write(
      (tx) => (both ? move(tx, 'press', pressWorkflow, press, 'approveBoth', ctx.actor.roles, { approvals }) : tx.update<PressDoc>('press', press._id, press.version, { approvals })),
      (doc) => (doc.status === 'approved' ? approvedBoth(people, meeting, doc) : []),
    );
    return toPressView({ meeting, press: saved }, ctx.actor);
  },
});

export const returnPress = defineAction({
  name: 'press.return',
  input: ReturnPressInput,
  record: pressKind,
  guard: (r, actor) => {
    requireHeld(r);
    if (!r.press) throw new AppError('invalid_transition', '宣传稿件尚未起草');
    sideOrRefuse(actor);
    if (r.press.status === 'approved') throw new AppError('invalid_transition', '稿件已经双方审核，如需修改请直接编辑');
  },
  target: (i) => i.meetingId,
  handler: async ({ reason }, ctx) => {
    const { meeting } = ctx.record;
    const press = ctx.record.press!;
    const side = sideOrRefuse(ctx.actor);
    const others = await otherOffice(ctx, side);
    const entry = { reason, side, by: ctx.actor.id, byName: ctx.actor.name, at: ctx.now.toISOString() };
    const saved = await ctx.write(
      (tx) => tx.update<PressDoc>('press', press._id, press.version, { returns: [...press.returns, entry], approvals: NO_APPROVALS }),
      (doc) => returned(others, meeting, doc, reason),
    );
    return toPressView({ meeting, press: saved }, ctx.actor);
  },
});

export const get = defineAction({
  name: 'press.get',
  input: PressIdInput,
  record: pressKind,
  handler: async (_input, ctx) => toPressView(ctx.record, ctx.actor),
});
