// Checks built sizes against budgets.json: for each page, dist/ops.js plus every
// chunk the page's elements load (followed through static imports), gzipped.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const dist = resolve(root, process.env.OPS_OUT || 'dist');
const budgets = JSON.parse(readFileSync(join(root, 'budgets.json'), 'utf8'));
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** Every file reached from `file` through static `import … from "./x.js"` / `import "./x.js"`. */
export function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    closure(join(dirname(file), m[1]), seen);
  }
  return seen;
}

let failed = false;
const report = (name, bytes, maxKB) => {
  const ok = bytes <= maxKB * 1024;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${kb(bytes)} KB gzip (budget ${maxKB} KB)`);
};
for (const [name, page] of Object.entries(budgets.pages)) {
  const files = new Set([join(dist, 'ops.js')]);
  for (const chunk of page.chunks) closure(join(dist, 'chunks', `${chunk}.js`), files);
  // "match": chunks loaded on demand (hashed names), e.g. "gl-map-*.js".
  for (const pattern of page.match ?? []) {
    const re = new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`);
    for (const f of readdirSync(join(dist, 'chunks'))) if (re.test(f)) files.add(join(dist, 'chunks', f));
  }
  // "after": count only what this page adds to a page that already loads these chunks (ops.js included).
  if (page.after) {
    const before = new Set([join(dist, 'ops.js')]);
    for (const chunk of page.after) closure(join(dist, 'chunks', `${chunk}.js`), before);
    for (const f of before) files.delete(f);
  }
  if (page.match && !page.chunks.length) files.delete(join(dist, 'ops.js'));
  const total = [...files].reduce((sum, f) => sum + gz(f), 0);
  report(`${name} (${files.size} files)`, total, page.maxKB);
}
// "each": files of which a page loads only one (a UI language's strings), each within its budget.
for (const [name, budget] of Object.entries(budgets.each ?? {})) {
  const re = new RegExp(`^${budget.match.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`);
  const files = readdirSync(join(dist, 'chunks')).filter((f) => re.test(f));
  if (!files.length) report(`${name}: no file matches ${budget.match}`, Infinity, budget.maxKB);
  for (const f of files) report(`${name}: ${f}`, gz(join(dist, 'chunks', f)), budget.maxKB);
}
for (const [file, budget] of Object.entries(budgets.files)) report(file, gz(join(root, file)), budget.maxKB);
if (failed) {
  console.error('Size budget exceeded: see budgets.json.');
  process.exit(1);
}
