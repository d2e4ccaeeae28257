// npm run bench — builds the project, then measures in headless Chromium on this
// machine what a reader downloads and waits for, beside the tools newsrooms use
// today (Knight Lab TimelineJS and Leaflet, self-hosted). Prints tables and writes
// bench/results.json. Options: --skip-build, --runs N (default 7), --only floor,costs,lighthouse,…
//
// The floor: each widget's own output, taken from the one-tag route's page once it has drawn
// (its shadow roots serialised as declarative shadow DOM, its adopted stylesheets as <style>),
// served as a static page without any script. The same markup and styles cannot paint sooner,
// so "ours ÷ floor" measures what our code costs, on whatever machine runs it.
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { gzipStatic } from '../scripts/gzip-static.mjs';
import { feature } from 'topojson-client';
import { scaledDataset } from './make-dataset.mjs';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const dist = join(root, 'dist');
const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 7;
const SCALES = [1, 10, 100];
// --only demo,bytes,scaling,compare,floor,costs,lighthouse: run some sections (quicker while working on one number).
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : undefined;
const section = (name) => !only || only.includes(name);

if (!argv.includes('--skip-build')) execSync('npm run build', { cwd: root, stdio: 'inherit' });

// ---- data the pages need -------------------------------------------------------------
const benchData = join(tmpdir(), 'ops-bench-data');
mkdirSync(benchData, { recursive: true });
const real = JSON.parse(readFileSync(join(root, 'data/overseas-police-stations.json'), 'utf8'));
for (const n of SCALES) writeFileSync(join(benchData, `${n}x.json`), JSON.stringify(scaledDataset(real, n)));
const atlas = JSON.parse(readFileSync(join(root, 'node_modules/world-atlas/countries-110m.json'), 'utf8'));
writeFileSync(join(benchData, 'world-110m.geojson'), JSON.stringify(feature(atlas, atlas.objects.countries)));

// ---- a local server that remembers what each page asked for ---------------------------
const files = {
  '/vendor/leaflet/': join(root, 'node_modules/leaflet/dist'),
  '/vendor/timelinejs/': join(root, 'node_modules/@knight-lab/timelinejs/dist'),
  '/bench/': join(root, 'bench/pages'),
  '/bench-data/': benchData,
  '/': dist,
};
// Every page, ours and the peers', is sent gzipped, as a static host sends it.
const mounts = Object.entries(files).map(([prefix, dir]) => [prefix, gzipStatic(dir, sirv(dir, { dev: true }))]);
/**
 * Our bench page with its widgets written into the HTML, as a blogger pastes them (the page's
 * ours.js, which adds them at DOMContentLoaded, is for opening the page from a plain file server):
 * the one-tag route then pays for nothing the floor page does not have but ops.js.
 */
const TAGS = { table: 'ops-country-table', timeline: 'ops-repatriation-timeline', card: 'ops-source-card', map: 'ops-station-map' };
function oursPage(search) {
  const params = new URLSearchParams(search);
  const tags = (params.get('widgets') ?? 'table').split(',').map((name) => {
    // The card shows SD01 unless ?source= says otherwise (empty: its default view, the prompt).
    const source = name === 'card' && params.get('source') !== '' ? (params.get('source') ?? 'SD01') : undefined;
    const attributes = `${params.get('data') ? ` src="${params.get('data')}"` : ''}${source ? ` source="${source}"` : ''}`;
    return `<${TAGS[name]}${attributes}></${TAGS[name]}>`;
  });
  return readFileSync(join(root, 'bench/pages/ours.html'), 'utf8')
    .replace(/\s*<!--[^]*?-->/, '')
    .replace(/\s*<script src="ours.js"><\/script>/, '')
    .replace('<main id="widgets"></main>', `<main id="widgets">${tags.join('')}</main>`);
}
let requested = [];
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  requested.push(path);
  if (path === '/bench/ours.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).end(oursPage(new URL(req.url, 'http://x').search));
    return;
  }
  const [prefix, handler] = mounts.find(([p]) => path.startsWith(p));
  req.url = req.url.slice(prefix.length - 1);
  handler(req, res, () => res.writeHead(404).end());
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const origin = `http://127.0.0.1:${server.address().port}`;

function fileOf(path) {
  const prefix = Object.keys(files).find((p) => path.startsWith(p));
  return join(files[prefix], path.slice(prefix.length));
}
const gzipCache = new Map();
function sizes(path) {
  if (!gzipCache.has(path)) {
    try {
      const body = readFileSync(fileOf(path));
      gzipCache.set(path, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    } catch {
      gzipCache.set(path, { raw: 0, gzip: 0 });
    }
  }
  return gzipCache.get(path);
}
/** Bytes by kind for a list of requested paths (gzip: what a CDN sends). */
function tally(paths) {
  const out = { js: 0, css: 0, data: 0, other: 0, jsRaw: 0, files: 0 };
  for (const p of new Set(paths)) {
    if (p.endsWith('.map') || p === '/favicon.ico') continue;
    const s = sizes(p);
    out.files++;
    if (/\.(m?js)$/.test(p)) (out.js += s.gzip), (out.jsRaw += s.raw);
    else if (p.endsWith('.css')) out.css += s.gzip;
    else if (/\.(json|geojson)$/.test(p)) out.data += s.gzip;
    else out.other += s.gzip;
  }
  return out;
}

// ---- the browser and what it watches ----------------------------------------------------
// Root needs --no-sandbox; the rest keep Chromium from calling home, which would skew timings.
const HOUSE_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-swiftshader',
];
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    ...HOUSE_FLAGS,
    '--ignore-gpu-blocklist',
    // Any host but this machine fails to resolve: no request can leave it, and none is slowed by
    // being intercepted (Playwright's page.route() sends every request through this script first).
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ],
});

/** Injected before any page script: first frame at which each thing is on screen, CLS, long tasks. */
const PROBE = () => {
  const b = (window.__bench = { marks: {}, cls: 0, longtasks: [] });
  // The moment of the reader's first interaction, in the page (not when the driver began to click).
  addEventListener('pointerdown', () => (b.marks.interaction ??= performance.now()), { capture: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => !e.hadRecentInput && (b.cls += e.value))).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => b.longtasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  const q = (tag) => document.querySelector(tag)?.shadowRoot;
  const checks = {
    table: () => q('ops-country-table')?.querySelector('tr[part="row"]'),
    timeline: () => q('ops-repatriation-timeline')?.querySelector('svg .marks > *'),
    card: () => q('ops-source-card')?.querySelector('[part="card"]'),
    // The card's default view: the prompt to select something, with the credit line under it.
    cardDefault: () => q('ops-source-card')?.querySelector('p.note + [part="credit"]'),
    mapPreview: () => q('ops-station-map')?.querySelector('svg path'),
    mapIdle: () => /idle|ready|interactive/.test(document.querySelector('ops-station-map')?.getAttribute('map-state') ?? ''),
    timelinejs: () => document.querySelector('.tl-timemarker'),
    leaflet: () => window.leafletDone && document.querySelectorAll('.leaflet-overlay-pane path').length > 50,
  };
  const tick = () => {
    const now = performance.now();
    for (const [k, check] of Object.entries(checks)) {
      try {
        if (!(k in b.marks) && check()) b.marks[k] = now;
      } catch {}
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

async function visit(url, wanted, { width = 1280, interact } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const foreign = [];
  page.on('request', (request) => {
    const u = request.url();
    if (!(u.startsWith(origin) || u.startsWith('data:') || u.startsWith('blob:'))) foreign.push(u);
  });
  await page.addInitScript(PROBE);
  requested = [];
  await page.goto(origin + url);
  await page.waitForFunction((w) => w.every((k) => k in window.__bench.marks), wanted, { timeout: 60000 });
  await page.waitForTimeout(300);
  const before = { paths: [...requested], ...(await page.evaluate(() => window.__bench)) };
  // When the dataset finished arriving: the budgets count render time from there.
  before.dataArrived = await page.evaluate(() =>
    Math.max(0, ...performance.getEntriesByType('resource').filter((e) => /\.json(\?|$)/.test(e.name)).map((e) => e.responseEnd)),
  );
  // ops.js preloads the dataset, so it often arrives before the code that draws it: the cost of
  // drawing is then counted from when both the dataset and every chunk loaded before interaction were in.
  before.inputsArrived = await page.evaluate(() =>
    Math.max(
      0,
      ...performance
        .getEntriesByType('resource')
        .filter((e) => /\.json(\?|$)|\/chunks\/.*\.js(\?|$)/.test(e.name) && !/gl-map|maplibre/.test(e.name))
        .map((e) => e.responseEnd),
    ),
  );
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0);
  let after;
  if (interact) {
    await interact(page);
    await page.waitForFunction(() => 'mapIdle' in window.__bench.marks, undefined, { timeout: 60000 });
    const marks = await page.evaluate(() => window.__bench.marks);
    after = { paths: [...requested], idleAfterInteraction: marks.mapIdle - marks.interaction };
  }
  await context.close();
  // Total Blocking Time as Lighthouse defines it: the part of each long task after First Contentful
  // Paint beyond 50 ms (a task that straddles FCP counts from FCP), until the page is idle. The
  // page's own first layout comes before anything is painted and is not counted; it is reported
  // apart, as the longest task before FCP.
  const tbt = before.longtasks.reduce((sum, [start, d]) => sum + Math.max(0, start + d - Math.max(start, fcp) - 50), 0);
  const beforeFcp = Math.max(0, ...before.longtasks.filter(([start]) => start < fcp).map(([start, d]) => Math.min(d, fcp - start)));
  return { marks: before.marks, dataArrived: before.dataArrived, inputsArrived: before.inputsArrived, cls: before.cls, tbt, fcp, beforeFcp, paths: before.paths, after, foreign };
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s.at(-1) };
};
const ms = (x) => (x === undefined ? '—' : `${Math.round(x)} ms`);
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const results = { machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: browser.version() }, runs: RUNS };

const exploreMap = async (page) => {
  // The reader's first deliberate interaction: the "Explore the map" button (or a tap on the map).
  const button = page.locator('ops-station-map').locator('button', { hasText: /explore/i }).first();
  if (await button.count()) await button.click();
  else await page.locator('ops-station-map').click();
};

// ---- 1. bytes --------------------------------------------------------------------------
if (section('bytes')) {
  const scenarios = [
    ['table only', 'table', ['table']],
    ['table + source card', 'table,card', ['table', 'card']],
    ['table + timeline + source card', 'table,timeline,card', ['table', 'timeline', 'card']],
    ['all four, before MapLibre', 'table,timeline,card,map', ['table', 'timeline', 'card', 'mapPreview']],
  ];
  const bytes = [];
  for (const [name, widgets, wanted] of scenarios) {
    const r = await visit(`/bench/ours.html?widgets=${widgets}`, wanted);
    bytes.push({ page: name, ...tally(r.paths.filter((p) => !p.startsWith('/bench/'))) });
    if (widgets.includes('map')) {
      const withMap = await visit(`/bench/ours.html?widgets=${widgets}`, wanted, { interact: exploreMap });
      bytes.push({ page: 'all four, after MapLibre loads', ...tally(withMap.after.paths.filter((p) => !p.startsWith('/bench/'))) });
    }
  }
  const chunkFiles = ['/ops.js', ...execSync('ls dist/chunks', { cwd: root }).toString().trim().split('\n').filter((f) => !f.endsWith('.map')).map((f) => `/chunks/${f}`)];
  results.files = chunkFiles.map((p) => ({ file: p.slice(1), ...sizes(p) }));
  results.bytes = bytes;

  console.log('\nFiles (dist/)');
  console.table(Object.fromEntries(results.files.map((f) => [f.file, { raw: kb(f.raw), gzip: kb(f.gzip) }])));
  console.log('What a reader downloads (gzip)');
  console.table(Object.fromEntries(bytes.map((b) => [b.page, { JS: kb(b.js), CSS: kb(b.css), data: kb(b.data), files: b.files }])));
}

// ---- 2. the demo page: time to each widget, CLS, TBT ------------------------------------
if (section('demo')) {
  const demoRuns = [];
  for (let i = 0; i < RUNS; i++) {
    demoRuns.push(await visit('/demo/index.html', ['table', 'timeline', 'card', 'mapPreview'], { interact: exploreMap }));
  }
  const demo = {};
  for (const k of ['table', 'timeline', 'card', 'mapPreview']) {
    demo[k] = stats(demoRuns.map((r) => r.marks[k]));
    demo[`${k}AfterData`] = stats(demoRuns.map((r) => r.marks[k] - r.dataArrived));
    demo[`${k}AfterInputs`] = stats(demoRuns.map((r) => r.marks[k] - r.inputsArrived));
  }
  demo.dataArrived = stats(demoRuns.map((r) => r.dataArrived));
  demo.inputsArrived = stats(demoRuns.map((r) => r.inputsArrived));
  demo.mapIdleAfterInteraction = stats(demoRuns.map((r) => r.after.idleAfterInteraction));
  demo.cls = stats(demoRuns.map((r) => r.cls));
  demo.tbt = stats(demoRuns.map((r) => r.tbt));
  demo.fcp = stats(demoRuns.map((r) => r.fcp));
  demo.longestBeforeFcp = stats(demoRuns.map((r) => r.beforeFcp));
  demo.foreignRequests = [...new Set(demoRuns.flatMap((r) => r.foreign))];
  results.demo = demo;
  console.log(`Demo page, ${RUNS} runs at 1280 px (time from navigation; median, min–max)`);
  const row = (s) => ({ median: ms(s.median), range: `${ms(s.min)} – ${ms(s.max)}` });
  console.table({
    'dataset arrived': row(demo.dataArrived),
    'dataset and all chunks arrived': row(demo.inputsArrived),
    'table rows present': row(demo.table),
    '  … after the dataset arrived': row(demo.tableAfterData),
    '  … after dataset and chunks': row(demo.tableAfterInputs),
    'timeline marks drawn': row(demo.timeline),
    '  … after the dataset arrived ': row(demo.timelineAfterData),
    '  … after dataset and chunks ': row(demo.timelineAfterInputs),
    'source card shown': row(demo.card),
    'map preview drawn': row(demo.mapPreview),
    '  … after the dataset arrived  ': row(demo.mapPreviewAfterData),
    '  … after dataset and chunks  ': row(demo.mapPreviewAfterInputs),
    'MapLibre idle after the first interaction': {
      median: ms(demo.mapIdleAfterInteraction.median),
      range: `${ms(demo.mapIdleAfterInteraction.min)} – ${ms(demo.mapIdleAfterInteraction.max)}`,
    },
    'Cumulative Layout Shift': { median: demo.cls.median.toFixed(3), range: `${demo.cls.min.toFixed(3)} – ${demo.cls.max.toFixed(3)}` },
    'First Contentful Paint': row(demo.fcp),
    'longest task before it (not in TBT)': row(demo.longestBeforeFcp),
    'Total Blocking Time': { median: ms(demo.tbt.median), range: `${ms(demo.tbt.min)} – ${ms(demo.tbt.max)}` },
  });
  if (demo.foreignRequests.length) console.log('Requests to other origins (blocked):', demo.foreignRequests);
}

// ---- 3. scaling ---------------------------------------------------------------------------
if (section('scaling')) {
  results.scaling = [];
  for (const n of SCALES) {
    const runs = [];
    for (let i = 0; i < Math.min(RUNS, n === 100 ? 3 : RUNS); i++) {
      runs.push(await visit(`/bench/ours.html?widgets=table,timeline&data=/bench-data/${n}x.json`, ['table', 'timeline']));
    }
    results.scaling.push({
      scale: `${n}×`,
      datasetGzip: sizes(`/bench-data/${n}x.json`).gzip,
      table: stats(runs.map((r) => r.marks.table)).median,
      timeline: stats(runs.map((r) => r.marks.timeline)).median,
      tbt: stats(runs.map((r) => r.tbt)).median,
    });
  }
  console.log('Scaling: table + timeline with synthetic datasets (median time from navigation)');
  console.table(Object.fromEntries(results.scaling.map((s) => [s.scale, { dataset: kb(s.datasetGzip), table: ms(s.table), timeline: ms(s.timeline), TBT: ms(s.tbt) }])));
}

// ---- 4. side by side with TimelineJS and Leaflet ----------------------------------------
if (section('compare')) {
  async function compare(name, oursUrl, oursMark, theirsUrl, theirsMark) {
    const ours = [];
    const theirs = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(await visit(oursUrl, [oursMark]));
      theirs.push(await visit(theirsUrl, [theirsMark]));
    }
    const oursBytes = tally(ours[0].paths.filter((p) => !p.startsWith('/bench/')));
    const theirsBytes = tally(theirs[0].paths.filter((p) => !p.startsWith('/bench/') || p.endsWith('.js')));
    const row = {
      comparison: name,
      oursJsCss: oursBytes.js + oursBytes.css,
      theirsJsCss: theirsBytes.js + theirsBytes.css,
      oursTime: stats(ours.map((r) => r.marks[oursMark])).median,
      theirsTime: stats(theirs.map((r) => r.marks[theirsMark])).median,
      theirsForeign: [...new Set(theirs.flatMap((r) => r.foreign))],
    };
    row.bytesRatio = row.oursJsCss / row.theirsJsCss;
    row.timeRatio = row.oursTime / row.theirsTime;
    return row;
  }
  results.comparisons = [
    await compare('timeline vs TimelineJS', '/bench/ours.html?widgets=timeline', 'timeline', '/bench/timelinejs.html', 'timelinejs'),
    await compare('map preview vs Leaflet', '/bench/ours.html?widgets=map', 'mapPreview', '/bench/leaflet.html', 'leaflet'),
  ];
  console.log('Side by side (JS + CSS gzip; median time to first render; ratio = ours / theirs)');
  console.table(
    Object.fromEntries(
      results.comparisons.map((c) => [
        c.comparison,
        {
          ours: `${kb(c.oursJsCss)}, ${ms(c.oursTime)}`,
          theirs: `${kb(c.theirsJsCss)}, ${ms(c.theirsTime)}`,
          'bytes ratio': c.bytesRatio.toFixed(2),
          'time ratio': c.timeRatio.toFixed(2),
        },
      ]),
    ),
  );
  for (const c of results.comparisons) {
    if (c.theirsForeign.length) console.log(`${c.comparison}: the comparison page tried other origins (blocked): ${c.theirsForeign.join(', ')}`);
  }
}

// ---- 5. the floor: each widget's own output as static HTML ---------------------------------
/**
 * In the page, once the widget has drawn: its parent's HTML with every shadow root as
 * declarative shadow DOM (`<template shadowrootmode="open">`), each root's adopted stylesheets
 * written into it as a <style>, so the static copy looks exactly the same.
 */
const SERIALISE = (tag) => {
  const host = document.querySelector(tag);
  const roots = [];
  const walk = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot) {
        roots.push(el.shadowRoot);
        walk(el.shadowRoot);
      }
    }
  };
  walk(host.parentElement);
  for (const root of roots) {
    const style = document.createElement('style');
    style.textContent = root.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
    root.prepend(style);
  }
  return host.parentElement.getHTML({ shadowRoots: roots });
};
const WIDGETS = [
  // [the row, short name in ours.html, element name, the probe's mark, ours.html's query, the embed page's query]
  ['station-map', 'map', 'station-map', 'mapPreview', '', ''],
  ['country-table', 'table', 'country-table', 'table', '', ''],
  ['repatriation-timeline', 'timeline', 'repatriation-timeline', 'timeline', '', ''],
  // The card's embed page ships its default view (the prompt to select something) pre-rendered;
  // ?source= asks for another view, which the browser renders from the dataset in the page: two
  // rows, so the client-rendered case is not hidden behind the pre-rendered one.
  ['source-card (default view, pre-rendered)', 'card', 'source-card', 'cardDefault', '&source=', ''],
  ['source-card ?source=SD01 (rendered in the browser)', 'card', 'source-card', 'card', '', '?source=SD01'],
];
/** The bench page without its scripts, the widget's serialised output in their place. */
async function floorPage(short, name, mark, query) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}/bench/ours.html?widgets=${short}${query}`);
  await page.addScriptTag({ content: `(${PROBE})()` });
  await page.waitForFunction((m) => m in window.__bench.marks, mark, { timeout: 60000 });
  await page.waitForTimeout(500);
  const body = await page.evaluate(SERIALISE, `ops-${name}`);
  await context.close();
  const html = readFileSync(join(root, 'bench/pages/ours.html'), 'utf8')
    .replace(/\s*<!--[^]*?-->/, '')
    .replace(/\s*<script[^>]*><\/script>/g, '')
    .replace('<main id="widgets"></main>', `<main id="widgets">${body}</main>`);
  if (!html.includes('shadowrootmode')) throw new Error(`the floor page of ${name} has no declarative shadow root`);
  const file = `floor-${short}${query ? `-${mark}` : ''}.html`;
  writeFileSync(join(benchData, file), html);
  return `/bench-data/${file}`;
}

if (section('floor')) {
  results.floor = [];
  for (const [row, short, name, mark, query, embedQuery] of WIDGETS) {
    const floorUrl = await floorPage(short, name, mark, query);
    const routes = { oneTag: `/bench/ours.html?widgets=${short}${query}`, floor: floorUrl, embed: `/embed/${name}/${embedQuery}` };
    const times = { oneTag: [], floor: [], embed: [] };
    // Alternating, so the machine's load falls on every route alike.
    for (let i = 0; i < RUNS; i++) {
      for (const [route, url] of Object.entries(routes)) times[route].push((await visit(url, [mark])).marks[mark]);
    }
    const median = (route) => stats(times[route]).median;
    results.floor.push({ widget: name, row, mark, oneTag: median('oneTag'), floor: median('floor'), embed: median('embed'), runs: times });
  }
  console.log(`The floor: navigation to the widget on screen, ${RUNS} runs alternating (median); ratio = route ÷ floor`);
  console.table(
    Object.fromEntries(
      results.floor.map((f) => [
        f.row,
        {
          'one-tag route': ms(f.oneTag),
          'pre-rendered floor': ms(f.floor),
          ratio: (f.oneTag / f.floor).toFixed(2),
          'embed page': ms(f.embed),
          'embed ratio': (f.embed / f.floor).toFixed(2),
        },
      ]),
    ),
  );
}

// ---- 5b. where the one-tag route's time goes, per widget -------------------------------------
/**
 * Injected before the page's scripts: times every lit update() of our elements (start and length),
 * so the render that put the content on screen can be told from the "loading" one before it.
 */
const UPDATES = () => {
  window.__updates = [];
  const define = customElements.define.bind(customElements);
  customElements.define = (name, cls, options) => {
    const update = cls.prototype.update;
    if (name.startsWith('ops-') && update) {
      cls.prototype.update = function (changed) {
        const start = performance.now();
        update.call(this, changed);
        window.__updates.push([name, start, performance.now() - start]);
      };
    }
    return define(name, cls, options);
  };
};
if (section('costs')) {
  const phases = [];
  // One row per widget's one-tag page as before (the card with source="SD01").
  for (const [, short, name, mark] of WIDGETS.filter(([, , , mark]) => mark !== 'cardDefault')) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(PROBE);
      await page.addInitScript(UPDATES);
      await page.goto(`${origin}/bench/ours.html?widgets=${short}`);
      await page.waitForFunction((m) => m in window.__bench.marks, mark, { timeout: 60000 });
      runs.push(
        await page.evaluate(
          ([m, tag]) => {
            const nav = performance.getEntriesByType('navigation')[0];
            const resources = performance.getEntriesByType('resource');
            const end = (re) => Math.max(0, ...resources.filter((e) => re.test(e.name)).map((e) => e.responseEnd));
            const shown = window.__bench.marks[m];
            // The last update of the widget that began before its content was on screen.
            const [, start, length] = window.__updates.filter(([t, s]) => t === tag && s < shown).at(-1) ?? [tag, shown, 0];
            return {
              parsed: nav.domInteractive,
              opsRuns: nav.domContentLoadedEventStart,
              inputs: Math.max(end(/\/chunks\/.*\.js$/), end(/\.json$/)),
              renderStart: start,
              renderEnd: start + length,
              shown,
            };
          },
          [mark, `ops-${name}`],
        ),
      );
      await context.close();
    }
    const med = (f) => stats(runs.map(f)).median;
    phases.push({
      widget: name,
      'page parsed, ops.js runs': med((r) => r.opsRuns),
      'code and dataset downloading': med((r) => r.inputs - r.opsRuns),
      'modules run, dataset parsed and checked': med((r) => r.renderStart - r.inputs),
      'first render (lit update)': med((r) => r.renderEnd - r.renderStart),
      'until the next frame': med((r) => r.shown - r.renderEnd),
      'on screen': med((r) => r.shown),
      // For comparison, when the floor section ran in the same run.
      ...(results.floor ? { 'floor on screen': results.floor.find((f) => f.widget === name && f.mark === mark)?.floor } : {}),
    });
  }
  results.costs = phases;
  console.log(`Where the one-tag route's time goes (bench page with one widget, ${RUNS} loads each, median of each phase; the phases' medians need not add up to the total's)`);
  console.table(Object.fromEntries(phases.map(({ widget, ...p }) => [widget, Object.fromEntries(Object.entries(p).map(([k, v]) => [k, ms(v)]))])));
}

// ---- 6. Lighthouse on the demo as shipped (mobile: simulated slow 4G, 4× CPU) ---------------
if (section('lighthouse')) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const LH_RUNS = 5;
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      ...HOUSE_FLAGS,
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const runs = [];
  try {
    for (let i = 0; i < LH_RUNS; i++) {
      const { lhr } = await lighthouse(`${origin}/demo/index.html`, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
      const a = lhr.audits;
      runs.push({
        performance: Math.round(lhr.categories.performance.score * 100),
        fcp: a['first-contentful-paint'].numericValue,
        lcp: a['largest-contentful-paint'].numericValue,
        tbt: a['total-blocking-time'].numericValue,
        cls: a['cumulative-layout-shift'].numericValue,
        si: a['speed-index'].numericValue,
        unusedJsKB: (a['unused-javascript'].details?.overallSavingsBytes ?? 0) / 1024,
      });
    }
  } finally {
    await chrome.kill();
  }
  const med = (k) => stats(runs.map((r) => r[k])).median;
  results.lighthouse = { runs, median: Object.fromEntries(['performance', 'fcp', 'lcp', 'tbt', 'cls', 'si', 'unusedJsKB'].map((k) => [k, med(k)])) };
  const m = results.lighthouse.median;
  console.log(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, the demo as shipped, mobile, median of ${LH_RUNS}`);
  console.table({
    Performance: { median: m.performance, range: `${stats(runs.map((r) => r.performance)).min} – ${stats(runs.map((r) => r.performance)).max}` },
    'First Contentful Paint': { median: ms(m.fcp) },
    'Largest Contentful Paint': { median: ms(m.lcp), range: `${ms(stats(runs.map((r) => r.lcp)).min)} – ${ms(stats(runs.map((r) => r.lcp)).max)}` },
    'Total Blocking Time': { median: ms(m.tbt), range: `${ms(stats(runs.map((r) => r.tbt)).min)} – ${ms(stats(runs.map((r) => r.tbt)).max)}` },
    'Cumulative Layout Shift': { median: m.cls.toFixed(3) },
    'Speed Index': { median: ms(m.si) },
    'unused JavaScript (Lighthouse estimate)': { median: `${m.unusedJsKB.toFixed(1)} KB` },
  });
  // Lighthouse 12.2.3 cannot name the element with this Chromium (its TraceElements gatherer
  // fails), so the browser's own largest-contentful-paint entry names it, at the same phone size.
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__lcp = [];
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => {
        const host = e.element?.getRootNode()?.host;
        window.__lcp.push(`${host ? `<${host.localName}> ` : ''}<${e.element?.localName}> "${(e.element?.textContent ?? '').trim().slice(0, 50)}…"`);
      }),
    ).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(`${origin}/demo/index.html`);
  await page.waitForTimeout(3000);
  results.lighthouse.lcpElement = (await page.evaluate(() => window.__lcp)).at(-1);
  await context.close();
  console.log('Largest contentful element (the browser\'s own entry at 412 × 823):', results.lighthouse.lcpElement);
}

await browser.close();
server.close();
results.when = new Date().toISOString();
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote bench/results.json (${statSync(join(root, 'bench/results.json')).size} bytes)`);
