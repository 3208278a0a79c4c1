// Issues #18, #25: which function serves each action (domain/functions.ts) is what the app calls
// (src/services/api.ts), what the host serves and what the build deploys: every action of the
// permission table is registered in exactly the function `functionOf` names, and in no other.
import { PERMISSIONS, type ActionName } from '../domain';
import { functionOf, SERVED_APART } from '../domain/functions';
import { FUNCTION_DIRS, FUNCTIONS } from '.';

const servedBy = (name: string): string[] => {
  const verb = name.slice(name.indexOf('.') + 1);
  const area = name.slice(0, name.indexOf('.'));
  return Object.entries(FUNCTIONS).filter(([, f]) => f.area.name === area && f.area.actions.has(verb)).map(([fn]) => fn);
};

it.each(Object.keys(PERMISSIONS) as ActionName[])('%s is served by the one function functionOf names', (name) => {
  expect({ name, servedBy: servedBy(name) }).toEqual({ name, servedBy: [functionOf(name)] });
});

it('a function serves no action outside the permission table', () => {
  const registered = Object.values(FUNCTIONS).flatMap((f) => [...f.area.actions.values()].map((a) => a.name));
  expect(registered.filter((n) => !(n in PERMISSIONS))).toEqual([]);
});

it('every function served apart is deployed from its area folder, and an area is its own function otherwise', () => {
  for (const fn of new Set(Object.values(SERVED_APART))) {
    expect({ fn, deployed: fn in FUNCTIONS, dir: FUNCTION_DIRS[fn]?.split('/')[0] }).toEqual({ fn, deployed: true, dir: FUNCTIONS[fn].area.name });
  }
  for (const [fn, f] of Object.entries(FUNCTIONS)) if (!FUNCTION_DIRS[fn]) expect(f.area.name).toBe(fn);
});
