// Issue #25: people.list's search reads the people whose name, unit or post *begins* with the words
// (and, issue #19, whose unit holds them anywhere: the org's few units are matched in full),
// each through its (orgId, field) index (server/store/queries.ts lists the three reads; the EXPLAIN
// test checks an index serves them), instead of reading the org's whole directory and matching words
// anywhere. The seed's 孙立新 of 市人社局, 副局长, and 马春花 of 河套酒业集团, 职工代表.
import { worldPerFile } from './support/world';

const w = worldPerFile();

interface Card { id: string; name: string }
const search = async (q: string, extra: Record<string, unknown> = {}): Promise<string[]> => {
  const r = await w.current.call('people', 'list', { q, ...extra }, 'city-gov-office');
  if (!r.envelope.ok) throw new Error(JSON.stringify(r.envelope.error));
  return (r.envelope.data as { items: Card[] }).items.map((c) => c.id);
};

it('finds a person by the beginning of the name, the unit or the post', async () => {
  expect(await search('孙')).toContain('city-hrss');
  expect(await search('孙立新')).toEqual(['city-hrss']);
  expect(await search('市人社')).toContain('city-hrss');
  expect(await search('副局')).toContain('city-hrss');
  expect(await search('河套酒业')).toContain('city-rep-ma');
});

it('a unit matches anywhere in its name (an office types 「人社局」 for 市人社局); a name or post only at its beginning', async () => {
  expect(await search('人社局')).toContain('city-hrss');
  expect(await search('人社')).toContain('city-hrss');
  expect(await search('酒业')).toContain('city-rep-ma');
  expect(await search('立新')).not.toContain('city-hrss');
  expect(await search('局长')).not.toContain('city-hrss');
});

it('keeps the other filters and the name order', async () => {
  expect(await search('孙', { side: 'union' })).not.toContain('city-hrss');
  const r = await w.current.call('people', 'list', { q: '市' }, 'city-gov-office');
  if (!r.envelope.ok) throw new Error(JSON.stringify(r.envelope.error));
  const names = (r.envelope.data as { items: Card[] }).items.map((c) => c.name);
  expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  expect(names.length).toBeGreaterThan(1);
});
