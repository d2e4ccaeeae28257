// Development aid: screenshots of the built demo at 1280 and 360 px, light and dark,
// into screenshots/ (git-ignored; OPS_SHOTS names another folder). Run `npm run build` first.
// Usage: node scripts/screenshots.mjs [page path, default demo/index.html] [extra query]
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import sirv from 'sirv';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const page = process.argv[2] ?? 'demo/index.html';
const extra = process.argv[3] ?? '';
const out = resolve(root, process.env.OPS_SHOTS || 'screenshots');
mkdirSync(out, { recursive: true });

const dist = resolve(root, process.env.OPS_OUT || 'dist');
const tags = Object.values(JSON.parse(readFileSync(join(dist, 'elements.json'), 'utf8')).elements).map((e) => e.tag);
const server = createServer(sirv(dist, { dev: true })).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const { port } = server.address();
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-swiftshader'],
});
const foreign = [];
for (const width of [1280, 360]) {
  for (const theme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, colorScheme: theme });
    const tab = await context.newPage();
    tab.on('request', (r) => {
      if (!r.url().startsWith(`http://127.0.0.1:${port}/`) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    tab.on('console', (m) => m.type() === 'error' && console.log(`  console: ${m.text()}`));
    await tab.goto(`http://127.0.0.1:${port}/${page}?theme=${theme}${extra ? `&${extra}` : ''}`);
    await tab.waitForFunction(
      (selector) =>
        [...document.querySelectorAll(selector)].every((el) => el.shadowRoot && !el.shadowRoot.querySelector('[part="loading"]') && el.shadowRoot.children.length),
      tags.join(', '),
    );
    await tab.waitForTimeout(200);
    const name = `${page.replace(/[/.]/g, '_')}${extra ? `-${extra.replace(/[^a-z0-9]+/gi, '_')}` : ''}-${width}-${theme}.png`;
    await tab.screenshot({ path: join(out, name), fullPage: true });
    console.log(`screenshots/${name}`);
    // Tall pages also in parts, so each can be read at full size.
    const height = await tab.evaluate(() => document.documentElement.scrollHeight);
    const part = width < 600 ? 1100 : 1600;
    for (let y = 0, i = 1; y < height && height > part; y += part, i++) {
      const partName = name.replace('.png', `-part${i}.png`);
      await tab.screenshot({ path: join(out, partName), fullPage: true, clip: { x: 0, y, width, height: Math.min(part, height - y) } });
    }
    await context.close();
  }
}
await browser.close();
server.close();
if (foreign.length) {
  console.error(`Requests to other origins:\n${foreign.join('\n')}`);
  process.exit(1);
}
