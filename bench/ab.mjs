// A/B: two builds served side by side and loaded alternately in one browser, so the machine's
// load falls on both alike. How each change in BENCHMARKS.md was judged.
//
//   OPS_OUT=/tmp/a npm run build   (before the change)   OPS_OUT=/tmp/b npm run build   (after)
//   node bench/ab.mjs --a /tmp/a --b /tmp/b [--page /demo/index.html] [--runs 7] [--lighthouse 5]
//
// Prints, per build, the median time from navigation to each widget on screen, FCP, TBT (after
// FCP, as Lighthouse counts it) and CLS; with --lighthouse N, Lighthouse's mobile figures too.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { gzipStatic } from '../scripts/gzip-static.mjs';

const { values } = parseArgs({
  options: { a: { type: 'string' }, b: { type: 'string' }, page: { type: 'string', default: '/demo/index.html' }, runs: { type: 'string', default: '7' }, lighthouse: { type: 'string', default: '0' } },
});
if (!values.a || !values.b) throw new Error('usage: node bench/ab.mjs --a DIST_A --b DIST_B [--page /demo/index.html] [--runs 7] [--lighthouse 5]');
const FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-swiftshader'];
const ISOLATE = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

async function serve(dir) {
  const handler = gzipStatic(dir, sirv(dir, { dev: true }));
  const server = createServer((req, res) => handler(req, res, () => res.writeHead(404).end())).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
const builds = { A: await serve(values.a), B: await serve(values.b) };

const PROBE = () => {
  const b = (window.__bench = { marks: {}, cls: 0, longtasks: [] });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => !e.hadRecentInput && (b.cls += e.value))).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => b.longtasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  const q = (tag) => document.querySelector(tag)?.shadowRoot;
  const checks = {
    map: () => q('ops-station-map')?.querySelector('svg path'),
    table: () => q('ops-country-table')?.querySelector('tr[part="row"]'),
    timeline: () => q('ops-repatriation-timeline')?.querySelector('svg .mark'),
    card: () => q('ops-source-card')?.querySelector('[part="card"], [part="credit"]'),
  };
  const tick = () => {
    for (const [k, check] of Object.entries(checks)) if (!(k in b.marks) && document.querySelector(`ops-${{ map: 'station-map', table: 'country-table', timeline: 'repatriation-timeline', card: 'source-card' }[k]}`) && check()) b.marks[k] = performance.now();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: [...FLAGS, ISOLATE] });
async function visit(origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(origin + values.page);
  // The widgets within reach of the first screen; those further down may wait for the reader.
  await page.waitForTimeout(3000);
  const r = await page.evaluate(() => ({ ...window.__bench, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0 }));
  await context.close();
  r.tbt = r.longtasks.reduce((sum, [start, d]) => sum + Math.max(0, start + d - Math.max(start, r.fcp) - 50), 0);
  return r;
}
const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : undefined);
const runs = { A: [], B: [] };
// A B, B A, A B …: whichever goes second in a pair tends to be slower (an A/A run showed it).
for (let i = 0; i < Number(values.runs); i++) for (const k of i % 2 ? ['B', 'A'] : ['A', 'B']) runs[k].push(await visit(builds[k].origin));
await browser.close();
const row = (k) => {
  const rs = runs[k];
  const out = { FCP: Math.round(median(rs.map((r) => r.fcp))), TBT: Math.round(median(rs.map((r) => r.tbt))), CLS: median(rs.map((r) => r.cls)).toFixed(3) };
  for (const w of ['map', 'table', 'timeline', 'card']) {
    const xs = rs.map((r) => r.marks[w]).filter((x) => x !== undefined);
    out[w] = xs.length ? `${Math.round(median(xs))}${xs.length < rs.length ? ` (${xs.length}/${rs.length})` : ''}` : '—';
  }
  return out;
};
console.log(`${values.page}, ${values.runs} loads each, alternating (median ms from navigation)`);
console.table({ [`A ${values.a}`]: row('A'), [`B ${values.b}`]: row('B') });

if (Number(values.lighthouse)) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || '/usr/bin/chromium', chromeFlags: ['--headless=new', ...FLAGS, ISOLATE] });
  const lh = { A: [], B: [] };
  try {
    for (let i = 0; i < Number(values.lighthouse); i++) {
      for (const k of i % 2 ? ['B', 'A'] : ['A', 'B']) {
        const { lhr } = await lighthouse(builds[k].origin + values.page, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
        const a = lhr.audits;
        lh[k].push({
          score: Math.round(lhr.categories.performance.score * 100),
          fcp: a['first-contentful-paint'].numericValue,
          lcp: a['largest-contentful-paint'].numericValue,
          tbt: a['total-blocking-time'].numericValue,
          cls: a['cumulative-layout-shift'].numericValue,
          unusedJsKB: (a['unused-javascript'].details?.overallSavingsBytes ?? 0) / 1024,
        });
      }
    }
  } finally {
    await chrome.kill();
  }
  const m = (k, f) => median(lh[k].map((r) => r[f]));
  console.log(`Lighthouse (mobile), ${values.lighthouse} runs each, alternating (median)`);
  console.table(
    Object.fromEntries(
      ['A', 'B'].map((k) => [
        k,
        { Performance: m(k, 'score'), FCP: Math.round(m(k, 'fcp')), LCP: Math.round(m(k, 'lcp')), TBT: Math.round(m(k, 'tbt')), CLS: m(k, 'cls').toFixed(3), 'unused JS KB': m(k, 'unusedJsKB').toFixed(1) },
      ]),
    ),
  );
}
for (const { server } of Object.values(builds)) server.close();
