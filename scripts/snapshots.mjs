// npm run snapshots: static images of every widget for newsletters, Apple News and social cards.
// Renders each widget through the iframe route (dist/embed/index.html) in Debian's Chromium —
// default view, light and dark, 1200 and 600 px wide — into dist/static/<widget>-<theme>-<width>.png,
// each with its alt text in <same name>.json beside it, and dist/static/index.json listing them all
// (the embed-code generator, dist/demo/embed.html, offers them). Run `npm run build` first.
// OPS_OUT names another build folder; CHROME_PATH another browser (never downloaded).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import sirv from 'sirv';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const dist = resolve(root, process.env.OPS_OUT || 'dist');
const out = join(dist, 'static');
if (!existsSync(join(dist, 'embed', 'index.html'))) {
  console.error(`${dist}/embed/index.html not found: run \`npm run build\` first.`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });

/** Widget → extra query for its default view. */
const WIDGETS = {
  'country-table': '',
  'station-map': '',
  'repatriation-timeline': '',
  'source-card': 'source=SD01',
};
const THEMES = ['light', 'dark'];
const WIDTHS = [1200, 600];

const server = createServer(sirv(dist, { dev: true })).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const { port } = server.address();
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-swiftshader'],
});

/** Alt text from what the widget shows: its title and summary line, and its first rows or items. */
function describe() {
  const el = document.querySelector('#widget > *');
  const root = el.shadowRoot;
  const clean = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const parts = [];
  const title = clean(root.querySelector('[part="title"]'));
  if (el.localName === 'ops-source-card') {
    const card = root.querySelector('[part="card"]');
    return `Source: ${clean(card?.querySelector('.publisher'))}, “${title}”, ${clean(card?.querySelector('time')) || ''}`.replace(/, $/, '.');
  }
  if (title) parts.push(`${title}.`);
  const summary = clean(root.querySelector('[part="coverage"], [part="summary"], [part="caption"]'));
  if (summary) parts.push(summary);
  const rows = [...root.querySelectorAll('tr[part="row"]')].slice(0, 5);
  if (rows.length) {
    const listed = rows.map((row) => {
      const cells = row.querySelectorAll('th, td');
      return `${clean(cells[0]).replace(/^[^\p{L}]+/u, '')} ${(clean(cells[1]).match(/\d+/) ?? [''])[0]}`;
    });
    parts.push(`Most reported stations: ${listed.join(', ')}.`);
  }
  const credit = clean(root.querySelector('[part="credit"]'));
  if (credit) parts.push(credit.replace(/ · v[\d.]+ · Methodology$/, '').replace(/ · Methodology$/, ''));
  return parts.join(' ') || clean(root).slice(0, 300);
}

const index = [];
let failed = 0;
for (const [widget, query] of Object.entries(WIDGETS)) {
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      const file = `${widget}-${theme}-${width}.png`;
      const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 1, colorScheme: theme });
      const tab = await context.newPage();
      tab.on('console', (m) => m.type() === 'error' && console.log(`  ${file}: ${m.text()}`));
      try {
        await tab.goto(`http://127.0.0.1:${port}/embed/index.html?widget=${widget}&theme=${theme}&static${query ? `&${query}` : ''}`);
        await tab.waitForFunction(
          () => {
            const el = document.querySelector('#widget > *');
            return el?.shadowRoot && el.shadowRoot.children.length && !el.shadowRoot.querySelector('[part="loading"]');
          },
          null,
          { timeout: 20000 },
        );
        if (await tab.evaluate(() => !!document.querySelector('#widget > *').shadowRoot.querySelector('[part="error"]'))) {
          throw new Error('the widget shows an error');
        }
        await tab.evaluate(() => document.fonts.ready);
        await tab.waitForTimeout(300);
        const alt = await tab.evaluate(describe);
        // A margin in the widget's own background (CSSOM: allowed by the page's strict CSP).
        await tab.evaluate(() => {
          const mount = document.getElementById('widget');
          mount.style.padding = '24px';
          mount.style.background = getComputedStyle(mount.firstElementChild).backgroundColor;
        });
        await tab.locator('#widget').screenshot({ path: join(out, file) });
        const entry = { file, widget, theme, width, alt };
        writeFileSync(join(out, file.replace(/\.png$/, '.json')), `${JSON.stringify(entry, null, 2)}\n`);
        index.push(entry);
        console.log(`static/${file}`);
      } catch (error) {
        failed++;
        console.error(`  ${file}: not rendered (${error.message.split('\n')[0]})`);
      }
      await context.close();
    }
  }
}
writeFileSync(join(out, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
await browser.close();
server.close();
console.log(`${index.length} images in ${out}${failed ? `; ${failed} not rendered` : ''}`);
process.exit(failed ? 1 : 0);
