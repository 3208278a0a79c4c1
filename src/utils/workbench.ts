// Issue #19, the workbench's addresses: the meetings page, and where each item of the home's work
// queue opens (the page that shows exactly what its `open` call lists).
import type { HomeView } from '../../domain/schemas/account';
import { ROUTES, openPage } from './nav';

/** Every meeting of the org by year and state, each with its dossier (`?status=&year=`). */
export const MEETINGS_PAGE = '/packages/office/pages/meetings/index';

type WorkItem = HomeView['work'][number];

/** Opens the page that lists what the work item counts. */
export function openWork(item: WorkItem): void {
  const p = item.open.payload as Record<string, string | undefined>;
  if (item.kind === 'screen') openPage(ROUTES.queue, { meetingId: p.meetingId });
  else if (item.kind === 'opinions') openPage(ROUTES.topics, { meetingId: p.meetingId, tab: 'opinions' });
  else if (item.kind === 'overdue' || item.kind === 'verify' || item.kind === 'deadlines') openPage(ROUTES.checklist);
  else openPage(MEETINGS_PAGE, { status: p.status, awaiting: p.awaiting });
}
