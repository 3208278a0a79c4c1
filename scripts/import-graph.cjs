// The import graph of the code (issue #18): no cycles, and the layers point one way —
// domain/ imports nothing of ours outside domain/; server/ never imports cloudfunctions/, host/ or
// src/; an area (cloudfunctions/<area>/) never imports another area; src/ never imports server/.
// `node scripts/import-graph.cjs` prints what breaks the rules and exits 1; test/import-graph.test.ts
// runs the same check. Type-only imports count: a cycle of types is still a cycle of knowledge.
const { readFileSync, readdirSync, statSync, existsSync } = require('node:fs');
const { join, dirname, relative, normalize } = require('node:path');

const ROOT = join(__dirname, '..');
const DIRS = ['domain', 'server', 'host', 'cloudfunctions', 'src'];
const SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]*)\1/gm;

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.d\.ts$/.test(name)) out.push(p);
  }
  return out;
}

function resolve(from, spec) {
  const base = normalize(join(dirname(from), spec));
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(c) && statSync(c).isFile()) return c;
  }
  return null;
}

/** Every file's imports of our own files (tests excluded: they may reach anywhere). */
function graph() {
  const files = DIRS.flatMap((d) => walk(join(ROOT, d), [])).filter((f) => !/\.test\.tsx?$/.test(f));
  const edges = new Map();
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    const to = new Set();
    for (const m of src.matchAll(SPEC)) {
      const t = resolve(f, m[2]);
      if (t && /\.(ts|tsx)$/.test(t)) to.add(t);
    }
    edges.set(f, [...to]);
  }
  return edges;
}

/** Strongly connected components of more than one file (Tarjan), each a cycle to break. */
function cycles(edges) {
  let index = 0;
  const idx = new Map(), low = new Map(), stack = [], on = new Set(), out = [];
  const visit = (v) => {
    idx.set(v, index); low.set(v, index); index += 1; stack.push(v); on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do { w = stack.pop(); on.delete(w); comp.push(w); } while (w !== v);
      if (comp.length > 1 || (edges.get(v) ?? []).includes(v)) out.push(comp.map((c) => relative(ROOT, c)).sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const top = (p) => p.split('/')[0];
const area = (p) => (p.startsWith('cloudfunctions/') && p.split('/').length > 2 ? p.split('/')[1] : null);

/** Imports that point the wrong way between layers. */
function layerBreaks(edges) {
  const out = [];
  for (const [from, tos] of edges) {
    const f = relative(ROOT, from);
    for (const toAbs of tos) {
      const t = relative(ROOT, toAbs);
      const why =
        top(f) === 'domain' && top(t) !== 'domain' ? 'domain/ imports only domain/'
        : top(f) === 'server' && ['cloudfunctions', 'host', 'src'].includes(top(t)) ? `server/ never imports ${top(t)}/`
        : top(f) === 'src' && ['server', 'host', 'cloudfunctions'].includes(top(t)) ? `src/ never imports ${top(t)}/`
        : area(f) && area(t) && area(f) !== area(t) ? 'an area never imports another area'
        : null;
      if (why) out.push({ from: f, to: t, why });
    }
  }
  return out;
}

function check() {
  const edges = graph();
  return { files: edges.size, cycles: cycles(edges), breaks: layerBreaks(edges) };
}

module.exports = { check };

if (require.main === module) {
  const r = check();
  for (const c of r.cycles) console.log(`cycle: ${c.join(' → ')}`);
  for (const b of r.breaks) console.log(`${b.from} → ${b.to}: ${b.why}`);
  console.log(`${r.files} files, ${r.cycles.length} cycles, ${r.breaks.length} layer breaks`);
  process.exit(r.cycles.length || r.breaks.length ? 1 : 0);
}
