// Measures <ops-station-map>'s time budgets on the built demo, in Chromium:
// - SVG preview visible after the dataset response arrives (budget 100 ms);
// - MapLibre idle after the reader's first interaction, "Explore the map" (budget 1.5 s);
// - bytes of MapLibre downloaded by a reader who only scrolls past (budget 0);
// and saves screenshots of the preview and of the MapLibre view into OPS_SHOTS.
// Usage: OPS_OUT=/tmp/map-dist OPS_SHOTS=/tmp/map-shots node scripts/basemap-timing.mjs
// (OPS_PAGE=other.html measures another page in dist/demo/.)
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import sirv from 'sirv';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const out = resolve(root, process.env.OPS_SHOTS || 'screenshots');
mkdirSync(out, { recursive: true });
const server = createServer(sirv(resolve(root, process.env.OPS_OUT || 'dist'), { dev: true })).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const { port } = server.address();
const origin = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--no-first-run', '--enable-unsafe-swiftshader'],
});
const results = [];
for (const theme of ['light', 'dark']) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const tab = await context.newPage();
  const requests = [];
  tab.on('request', (r) => requests.push(r.url()));
  tab.on('console', (m) => m.type() === 'error' && console.log(`  console: ${m.text()}`));
  await tab.addInitScript(() => {
    // Time from the dataset's response to the first preview marker in the map's shadow root.
    const start = performance.now();
    window.__ops = { start };
    const poll = () => {
      const map = document.querySelector('ops-station-map');
      const data = performance.getEntriesByType('resource').find((r) => r.name.includes('overseas-police-stations.json'));
      if (map?.shadowRoot?.querySelector('svg [data-key]') && data) {
        window.__ops.preview = performance.now() - data.responseEnd;
        return;
      }
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
  await tab.goto(`${origin}/demo/${process.env.OPS_PAGE || 'index.html'}?theme=${theme}`);
  await tab.waitForFunction(() => window.__ops.preview !== undefined);
  const preview = await tab.evaluate(() => window.__ops.preview);
  const detail = await tab.evaluate(() => {
    const data = performance.getEntriesByType('resource').find((r) => r.name.includes('overseas-police-stations.json'));
    const mark = performance.getEntriesByName('ops-station-map:preview')[0];
    return { dataArrived: Math.round(data.responseEnd), previewRendered: Math.round(mark.startTime), renderedAfterData: Math.round(mark.startTime - data.responseEnd) };
  });
  // A reader who scrolls past: no MapLibre bytes.
  await tab.mouse.wheel(0, 3000);
  await tab.waitForTimeout(500);
  const mapleak = requests.filter((u) => /gl-map-|maplibre-gl-worker/.test(u));
  const map = tab.locator('ops-station-map');
  await map.scrollIntoViewIfNeeded();
  await map.screenshot({ path: join(out, `map-preview-1280-${theme}.png`) });
  // The reader's first interaction: a tap on a station, which selects it and loads MapLibre.
  const t0 = Date.now();
  await map.locator('svg .cluster.one').first().click();
  await tab.waitForFunction(() => document.querySelector('ops-station-map').getAttribute('map-state') === 'ready', null, { timeout: 20000 });
  const idle = Date.now() - t0;
  await map.screenshot({ path: join(out, `map-maplibre-details-1280-${theme}.png`) });
  await map.locator('[part="list-toggle"]').click();
  await tab.waitForTimeout(200);
  await map.screenshot({ path: join(out, `map-list-1280-${theme}.png`) });
  const foreign = requests.filter((u) => !u.startsWith(origin) && !/^(blob|data):/.test(u));
  results.push({ theme, previewPaintedMs: Math.round(preview), ...detail, maplibreIdleMs: idle, maplibreBytesBeforeInteraction: mapleak.length, foreign });
  await context.close();
}
await browser.close();
server.close();
console.log(JSON.stringify(results, null, 2));
