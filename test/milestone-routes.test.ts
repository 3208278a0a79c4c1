// Issue #20 (3): every milestone of RULES.md has a route in the one table of domain/subscriptions.ts,
// reaching WeChat (a template whose keywords fit) as well as the inbox; every to-do names the
// actions that close it, and they exist; docs/reminders.md is generated from the table.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MILESTONES, MILESTONE_ROUTES, MILESTONE_TEMPLATE, PERMISSIONS, RULES_MILESTONES, TEMPLATES, keywordFits, templateData } from '../domain';
import { remindersDoc } from '../domain/reminders-doc';

it('every RULES.md milestone has an entry, and each reaches WeChat as well as the inbox', () => {
  const rules = join(__dirname, '..', '..', 'shared', 'RULES.md');
  if (existsSync(rules)) {
    const text = readFileSync(rules, 'utf8');
    const line = text.slice(text.indexOf('## Milestones that push a message')).split('\n').slice(2).join(' ');
    const listed = line.split('·').map((s) => s.trim().replace(/\s+/g, ' ').replace(/\.$/, '')).filter(Boolean);
    expect(listed.map((s) => s.toLowerCase())).toEqual(RULES_MILESTONES.map((r) => r.rule.toLowerCase()));
  }
  expect(RULES_MILESTONES).toHaveLength(15);
  for (const { rule, milestones } of RULES_MILESTONES) {
    expect({ rule, n: milestones.length > 0 }).toEqual({ rule, n: true });
    for (const m of milestones) expect({ rule, m, route: MILESTONE_ROUTES[m].route, template: !!MILESTONE_ROUTES[m].template }).toEqual({ rule, m, route: 'both', template: true });
  }
});

it('every milestone has a route; the template map is the table\'s', () => {
  for (const m of MILESTONES) {
    const r = MILESTONE_ROUTES[m];
    expect(r).toBeDefined();
    expect(MILESTONE_TEMPLATE[m]).toBe(r.template);
    if (r.route === 'both') expect(TEMPLATES[r.template!]).toBeDefined();
  }
});

it('a to-do names the actions that close it, and each is a real action', () => {
  for (const m of MILESTONES) {
    const r = MILESTONE_ROUTES[m];
    expect({ m, closes: r.needsAction ? (r.closedBy ?? []).length > 0 : true }).toEqual({ m, closes: true });
    for (const a of r.closedBy ?? []) expect({ m, a, known: a in PERMISSIONS }).toEqual({ m, a, known: true });
  }
});

it('every template\'s keyword data fits WeChat\'s limits, whatever the message says', () => {
  const long = '关于进一步做好新就业形态劳动者权益保障工作的若干意见和建议';
  for (const key of Object.keys(TEMPLATES) as Array<keyof typeof TEMPLATES>) {
    const data = templateData(key, { subject: long, note: long, status: '已经审核通过', time: '2026-12-20T01:30:00.000Z', deadline: '2026-12-31', place: long, person: long }, '2026-12-01T00:00:00.000Z');
    for (const f of TEMPLATES[key].fields) expect({ key, f: f.name, fits: keywordFits(f.type, data[f.name].value) }).toEqual({ key, f: f.name, fits: true });
  }
});

it('docs/reminders.md is up to date (run `npm run docs`)', () => {
  expect(readFileSync(join(__dirname, '..', 'docs', 'reminders.md'), 'utf8')).toBe(remindersDoc());
});
