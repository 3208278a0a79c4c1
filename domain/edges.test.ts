// Roles live in one place: an action that takes a workflow edge admits exactly the roles the edge does.
import { EDGE_ACTIONS } from './workflows/edges';
import { PERMISSIONS, type ActionName } from './permissions';
import { ROLES } from './roles';
import { topicWorkflow } from './workflows/topic';

const sorted = (roles: readonly string[]) => [...roles].sort();

it('gives every edge-taking action exactly the roles of its edge', () => {
  for (const [name, { workflow, event }] of Object.entries(EDGE_ACTIONS)) {
    const permission = PERMISSIONS[name as ActionName];
    const edges = workflow.edges.filter((e) => e.event === event);
    expect({ name, edges: edges.length > 0 }).toEqual({ name, edges: true });
    const edgeRoles = [...new Set(edges.flatMap((e) => e.roles))];
    const actionRoles = permission.roles === 'anyone' ? [...ROLES] : permission.roles;
    expect({ name, roles: sorted(actionRoles) }).toEqual({ name, roles: sorted(edgeRoles) });
  }
});

it('lets every event of the topic workflow be taken by some action', () => {
  const taken = new Set(Object.values(EDGE_ACTIONS).filter((e) => e?.workflow === topicWorkflow).map((e) => e!.event));
  for (const edge of topicWorkflow.edges) expect(taken.has(edge.event)).toBe(true);
});
