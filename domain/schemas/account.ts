// Contract of area `account`: who am I, and what do I have to do (the home page, one call).
import * as z from 'zod/mini';
import { ROLES } from '../roles';
import { WORK_KINDS } from '../workbench';
import { EmptyPayload } from './common';

export const MeInput = EmptyPayload;
export const HomeInput = EmptyPayload;
// demo keys are ASCII (`city-gov-office`): a NUL or any other character is a 400, never a query (issue #17)
export const DevSignInInput = z.strictObject({ key: z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_.-]+$/)) });

const RoleView = z.object({ role: z.enum(ROLES), label: z.string() });

export const PersonView = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  title: z.string(),
  roles: z.array(RoleView),
});

export const OrgView = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(['city', 'county']),
  govName: z.string(),
  unionName: z.string(),
  parentName: z.optional(z.string()),
});

/** Art. 6: the sides this person may propose a topic for, and the lead sides of a joint topic. */
export const ProposalView = z.object({
  sides: z.array(z.enum(['gov', 'union', 'joint'])),
  leadSides: z.array(z.enum(['gov', 'union'])),
});

export const MeView = z.object({ person: PersonView, org: OrgView, proposal: ProposalView });
export type MeView = z.infer<typeof MeView>;

const HomeItem = z.object({ id: z.string(), title: z.string(), status: z.string(), statusLabel: z.string(), plannedAt: z.optional(z.string()) });

export const HomeView = z.extend(MeView, {
  /**
   * topics: mine in total; queue: waiting for my office's screening (null if not an office);
   * opinions: accepted topics of the other side waiting for my side's opinion (征求意见; null if I
   * give none); unread: inbox
   */
  counts: z.object({
    topics: z.number(),
    opinions: z.nullable(z.number()),
    invitations: z.number(),
    tasks: z.number(),
    queue: z.nullable(z.number()),
    unread: z.number(),
    /** Art. 11: the org's overdue tasks, for those who see the whole checklist (null otherwise) */
    overdue: z.nullable(z.number()),
    /** issue #20: the inbox's open to-dos (messages asking for an action not yet taken) — 待办 */
    todo: z.optional(z.number()),
  }),
  /** Art. 6: meetings of my org collecting topics; 'topic.submit' in allowedActions says whether I may propose */
  collectingMeetings: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      plannedAt: z.string(),
      /** Art. 6 + 13: when collection should start, by the org's lead time in force today */
      collectionStartsAt: z.string(),
    }),
  ),
  /**
   * issue #18: home's entries (domain/home.ts), each an action of the registry the caller may call,
   * with its labels beside it; allowedActions is their action names ('topic.submit', 'topic.accept' …)
   */
  entries: z.array(z.object({ action: z.string(), mark: z.string(), title: z.string(), hint: z.string() })),
  allowedActions: z.array(z.string()),
  topics: z.array(HomeItem),
  /** Art. 5: my invitations, unanswered first (status: my answer or 'none') */
  invitations: z.array(HomeItem),
  /** for the offices: the org's upcoming meetings and the next step of each */
  meetings: z.array(z.object({ id: z.string(), title: z.string(), plannedAt: z.string(), stateLabel: z.string(), nextStep: z.nullable(z.string()) })),
  /** Art. 11: my unfinished tasks, nearest deadline first (status: the light; statusLabel: the countdown) */
  tasks: z.array(HomeItem),
  /** Art. 9: minutes waiting for me (a reviewer at my side's stage; the union office: drafts and approved ones) */
  minutes: z.array(HomeItem),
  /**
   * issue #19, the work queue: what waits for the caller, each with the list call that opens exactly
   * `count` items (following nextCursor); only kinds with something waiting
   */
  work: z.array(
    z.object({
      kind: z.enum(WORK_KINDS),
      label: z.string(),
      count: z.number(),
      /** the meeting it is about (screen, opinions) */
      meetingId: z.optional(z.string()),
      open: z.object({ action: z.string(), payload: z.record(z.string(), z.unknown()) }),
    }),
  ),
  /** the next meeting of the caller's org, if any is planned */
  nextMeeting: z.nullable(z.object({ id: z.string(), title: z.string(), plannedAt: z.string(), status: z.string(), statusLabel: z.string() })),
});
export type HomeView = z.infer<typeof HomeView>;

/** `GET /api/dev/users` (local host, development only): the people one may sign in as. */
export interface DevUserView {
  key: string;
  id: string;
  name: string;
  orgId: string;
  orgName: string;
  roles: string[];
  unit: string;
  title: string;
}
