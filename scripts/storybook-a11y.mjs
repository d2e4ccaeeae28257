// Runs axe (axe-core, the engine of Storybook's a11y addon) over every story and
// docs page of the static Storybook in Chromium; exits 1 on any violation or on a
// story that fails to render. Run `npm run build-storybook` first.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import sirv from 'sirv';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const staticDir = join(root, 'storybook-static');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const index = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8'));
const entries = Object.values(index.entries);

const server = createServer(sirv(staticDir, { dev: true })).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-swiftshader'],
});
const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });

let failures = 0;
for (const entry of entries) {
  const started = Date.now();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/iframe.html?id=${entry.id}&viewMode=${entry.type === "docs" ? "docs" : "story"}&globals=a11y.manual:!true`);
  // Storybook marks the body when a story has rendered (or failed); then wait for our elements to leave "loading".
  await page.waitForFunction(
    () => document.body.classList.contains('sb-show-main') || document.body.classList.contains('sb-show-errordisplay'),
    undefined,
    { timeout: 20000 },
  );
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('#storybook-root *, #storybook-docs *')]
          .filter((el) => el.localName.startsWith('ops-'))
          .every((el) => el.shadowRoot && el.shadowRoot.children.length && (!el.shadowRoot.querySelector('[part="loading"]') || el.getAttribute('src')?.includes('/__never__/'))),
      undefined,
      { timeout: 10000 },
    )
    .catch(() => errors.push('elements did not finish loading'));
  await page.waitForTimeout(100);
  if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
    errors.push(await page.evaluate(() => document.querySelector('#error-message')?.textContent ?? 'story failed to render'));
  }
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async (type) => {
    const context = type === 'docs' ? '#storybook-docs' : '#storybook-root';
    // The a11y addon may be running its own axe pass on this story: wait for it to finish.
    let r;
    for (let i = 0; !r; i++) {
      try {
        // Storybook's own controls table (its boolean toggles fail contrast) is excluded; our widgets and text are not.
        r = await window.axe.run({ include: [[context]], exclude: [['.docblock-argstable']] }, { resultTypes: ['violations'] });
      } catch (error) {
        if (i > 50 || !String(error).includes('already running')) throw error;
        await new Promise((done) => setTimeout(done, 100));
      }
    }
    return r.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' > ')} ${n.failureSummary ?? ''} ${n.html.slice(0, 120)}`).slice(0, 3).join('; ')}`,
    );
  }, entry.type);
  const problems = [...errors, ...result];
  console.log(`${problems.length ? 'FAIL' : 'ok  '} ${entry.type} ${entry.id} (${Date.now() - started} ms)`);
  for (const p of problems) console.log(`       ${p}`);
  failures += problems.length ? 1 : 0;
  await page.close();
}
await browser.close();
server.close();
console.log(`${entries.length - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
