// Keeps the web code's shape: no import circles; a page file is only
// imported by the router (App.tsx, and lazyPages.tsx, which loads each page as its own chunk); a section under pages/<area>/ is only
// imported by a page or by its own area, so lib/ and components/ never reach
// into pages/. Tests are left out: they may render any part.
// Run with `npm run check:imports`.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const src = resolve(dirname(new URL(import.meta.url).pathname), '../src');

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function target(from, spec) {
  const base = resolve(dirname(from), spec);
  for (const ext of ['.tsx', '.ts', '/index.tsx', '/index.ts']) if (existsSync(base + ext)) return base + ext;
  return null;
}

const isTest = (f) => /\.test\.tsx?$/.test(f) || f.includes(`${'/'}test${'/'}`);
const files = walk(src).filter((f) => !isTest(f));
const edges = new Map();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const out = [];
  for (const m of text.matchAll(/(?:from\s+|import\(\s*)'(\.[^']+)'/g)) {
    const t = target(file, m[1]);
    if (t) out.push(t);
  }
  edges.set(file, out);
}

const rel = (f) => relative(src, f);
const problems = [];

// The area a file belongs to: "pages/household" for a section, "page" for a page file.
function area(f) {
  const parts = rel(f).split('/');
  if (parts[0] !== 'pages') return parts[0];
  return parts.length > 2 ? `pages/${parts[1]}` : 'page';
}

for (const [from, tos] of edges) {
  const a = area(from);
  for (const to of tos) {
    const b = area(to);
    if (b === 'page' && rel(from) !== 'App.tsx' && rel(from) !== 'lazyPages.tsx') problems.push(`${rel(from)} imports the page ${rel(to)}`);
    else if (b.startsWith('pages/') && a !== 'page' && a !== b) problems.push(`${rel(from)} imports ${rel(to)} from elsewhere`);
  }
}

// Circles: depth-first search with colours.
const colour = new Map();
const stack = [];
function visit(f) {
  colour.set(f, 'grey');
  stack.push(f);
  for (const to of edges.get(f) ?? []) {
    if (!edges.has(to)) continue;
    if (colour.get(to) === 'grey') {
      problems.push(`circle: ${[...stack.slice(stack.indexOf(to)), to].map(rel).join(' → ')}`);
    } else if (!colour.has(to)) visit(to);
  }
  stack.pop();
  colour.set(f, 'black');
}
for (const f of files) if (!colour.has(f)) visit(f);

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log(`imports fine: ${files.length} files, no circles`);
