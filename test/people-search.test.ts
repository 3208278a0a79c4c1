// Issue #25: people.list's search reads the people whose name, unit or post *begins* with the words,
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

it('does not match words in the middle (a prefix search, served by an index)', async () => {
  expect(await search('立新')).not.toContain('city-hrss');
  expect(await search('人社局')).not.toContain('city-hrss');
});

it('keeps the other filters and the name order', async () => {
  expect(await search('孙', { side: 'union' })).not.toContain('city-hrss');
  const r = await w.current.call('people', 'list', { q: '市' }, 'city-gov-office');
  if (!r.envelope.ok) throw new Error(JSON.stringify(r.envelope.error));
  const names = (r.envelope.data as { items: Card[] }).items.map((c) => c.name);
  expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  expect(names.length).toBeGreaterThan(1);
});
