// The consumer matrix: small apps in test/consumers/<app>/, each written as the README's npm
// section tells users, installed with `npm ci` against this package as `npm pack` makes it,
// type-checked, built for production, served and loaded in Chromium. Run after `npm run build`.
//
//   node scripts/test-consumers.mjs [app ...]     all apps, or the ones named
//   node scripts/test-consumers.mjs --update-locks  after changing an app's or the package's dependencies
//
// The apps' lockfiles name the tarball at a fixed path (../.pack/ beside the apps) without its
// integrity, so `npm ci` takes the tarball packed by this run. OPS_SHOTS=<dir> saves screenshots;
// OPS_KEEP_CONSUMERS=1 keeps the installed apps (in a temporary folder) for a closer look.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import sirv from 'sirv';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const sources = join(root, 'test/consumers');
// The apps are copied out of the repository before installing: inside it, Node and the bundlers
// would also find packages in the repository's own node_modules (module resolution walks up the
// folders), and a dependency missing from the package would go unnoticed.
const consumers = mkdtempSync(join(tmpdir(), 'ops-consumers-'));
const pack = join(consumers, '.pack');
const TARBALL = join(pack, 'overseas-police-stations.tgz');
const TAGS = ['ops-country-table', 'ops-source-card', 'ops-repatriation-timeline', 'ops-station-map'];

/**
 * What each app checks in the browser (`out`: its production build's folder). `map`: the map
 * opens and MapLibre reaches idle; `lit`: the app uses lit itself, and the page has one copy;
 * `dev`: the same checks in Vite's dev server too (it pre-bundles the package elsewhere).
 */
const APPS = {
  'vite-ts': { out: 'dist', map: true, lit: true, dev: true },
  webpack: { out: 'dist', map: true },
  esbuild: { out: 'dist' },
  react19: { out: 'dist' },
  react18: { out: 'dist' },
  vue3: { out: 'dist' },
  svelte5: { out: 'dist' },
  node: { browser: false },
};

const args = process.argv.slice(2);
const updateLocks = args.includes('--update-locks');
const names = args.filter((a) => !a.startsWith('--'));
for (const name of names) if (!APPS[name]) throw new Error(`unknown consumer app "${name}" (one of ${Object.keys(APPS).join(', ')})`);
const selected = names.length ? names : Object.keys(APPS);

/** Limits per step, in seconds: generous for a loaded 2-core machine, short enough to stop a hang. */
const LIMITS = { install: 300, typecheck: 180, build: 300, browser: 120, node: 60, dev: 150 };

class StepError extends Error {}

/** Runs a command under coreutils `timeout`; its output is printed only when it fails. */
function run(cwd, command, limit) {
  const result = spawnSync('timeout', ['-k', '10', String(limit), ...command], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', PUPPETEER_SKIP_DOWNLOAD: '1', npm_config_audit: 'false', npm_config_fund: 'false' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status === 0) return result.stdout;
  const why = result.status === 124 ? `timed out after ${limit} s` : `exited with ${result.status ?? result.signal}`;
  throw new StepError(`\`${command.join(' ')}\` ${why}\n${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-40).join('\n')}`);
}

function packTarball() {
  mkdirSync(pack, { recursive: true });
  for (const f of readdirSync(pack)) rmSync(join(pack, f));
  const [{ filename }] = JSON.parse(run(root, ['npm', 'pack', '--json', '--pack-destination', pack], 120));
  renameSync(join(pack, filename), TARBALL);
}

/** The app's files, without what an install or a build left in the repository's copy. */
function copyApp(app) {
  cpSync(join(sources, app), join(consumers, app), { recursive: true, filter: (src) => !['node_modules', 'dist'].includes(basename(src)) });
}

/** A lockfile that names the tarball without its integrity (each run packs a new one), back into the repository. */
function unpinTarball(app) {
  const file = join(consumers, app, 'package-lock.json');
  const lock = JSON.parse(readFileSync(file, 'utf8'));
  delete lock.packages['node_modules/overseas-police-stations'].integrity;
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  copyFileSync(file, join(sources, app, 'package-lock.json'));
}

async function withTimeout(promise, seconds, what) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new StepError(`${what} timed out after ${seconds} s`)), seconds * 1000);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}

function serve(dir) {
  const handler = sirv(dir, { dev: true });
  const server = createServer((req, res) => handler(req, res, () => res.writeHead(404).end('Not found')));
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** Vite's dev server for the app on a free port; resolves to its origin once it answers. */
async function startDevServer(cwd) {
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => probe.once('listening', r));
  const { port } = probe.address();
  await new Promise((r) => probe.close(r));
  const child = spawn('npx', ['vite', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd, detached: true, stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    try {
      if ((await fetch(`${origin}/`)).ok) return { origin, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new StepError('the Vite dev server did not answer within 30 s');
}

let browser;
async function checkInBrowser(app, spec, devOrigin) {
  const dir = join(consumers, app, spec.out);
  if (!devOrigin && !existsSync(join(dir, 'index.html'))) throw new StepError(`the build wrote no ${spec.out}/index.html`);
  browser ??= await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-swiftshader'],
  });
  const server = devOrigin ? undefined : await serve(dir);
  const origin = devOrigin ?? `http://127.0.0.1:${server.address().port}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  // Chromium asks for /favicon.ico by itself.
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`HTTP ${r.status()} for ${r.url()}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('request', (r) => {
    if (!/^(data|blob):/.test(r.url()) && !r.url().startsWith(origin)) problems.push(`request to another host: ${r.url()}`);
  });
  page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && problems.push(`console: ${m.text()}`));
  const fail = (message) => {
    throw new StepError([message, ...problems.map((p) => `  ${p}`)].join('\n'));
  };
  try {
    await page.goto(`${origin}/`);
    // Every element registered and drawn from the bundled dataset (its credit line shows).
    const rendered = () =>
      page.evaluate((tags) => tags.map((tag) => {
        const el = document.querySelector(tag);
        if (!el) return `<${tag}> is not on the page`;
        if (!customElements.get(tag)) return `<${tag}> is not registered`;
        const error = el.shadowRoot?.querySelector('[part="error"]');
        if (error) return `<${tag}> shows an error: ${error.textContent.replace(/\s+/g, ' ').trim()}`;
        return el.shadowRoot?.querySelector('[part="credit"]') ? '' : `<${tag}> has not rendered its data`;
      }).filter(Boolean), TAGS);
    const deadline = Date.now() + 20_000;
    let missing = await rendered();
    while (missing.length && !missing.some((m) => m.includes('shows an error')) && Date.now() < deadline) {
      await page.waitForTimeout(200);
      missing = await rendered();
    }
    if (missing.length) fail(missing.join('\n'));

    // A selection in the table reaches the app's own handler, which renders it.
    const expand = page.locator('ops-country-table').locator('tr[part="row"] button.expand').first();
    const code = await page.locator('ops-country-table').locator('tr[part="row"]').first().getAttribute('data-country');
    await expand.click();
    try {
      await page.locator('#selected').filter({ hasText: `country:${code}` }).waitFor({ timeout: 5000 });
    } catch {
      fail(`selecting ${code} in the table did not reach the app's handler (#selected says "${await page.locator('#selected').textContent()}")`);
    }

    if (spec.lit) {
      const copies = await page.evaluate(() => [globalThis.litHtmlVersions, globalThis.reactiveElementVersions, globalThis.litElementVersions].map((v) => v?.length ?? 0));
      if (copies.some((n) => n !== 1)) fail(`the page loads more than one copy of lit (lit-html, reactive-element, lit-element: ${copies.join(', ')})`);
    }

    if (spec.map) {
      const map = page.locator('ops-station-map');
      await map.locator('[part="explore"]').click();
      try {
        await page.waitForFunction(() => document.querySelector('ops-station-map')?.getAttribute('map-state') === 'ready', undefined, { timeout: 30_000 });
      } catch {
        fail(`the map did not reach MapLibre's idle (map-state: ${await map.getAttribute('map-state')})`);
      }
    }
    if (problems.length) fail('the page reported problems');
    if (process.env.OPS_SHOTS && !devOrigin) {
      mkdirSync(process.env.OPS_SHOTS, { recursive: true });
      await page.evaluate(() => scrollTo(0, 0));
      const shot = (name) => join(process.env.OPS_SHOTS, `consumer-${app}-${name}.png`);
      await page.screenshot({ path: shot('1280-top') });
      for (const tag of TAGS) await page.locator(tag).screenshot({ path: shot(`1280-${tag}`) });
      await page.setViewportSize({ width: 360, height: 800 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: shot('360-top') });
    }
  } finally {
    await context.close();
    server?.close();
  }
}

async function runApp(app) {
  const spec = APPS[app];
  copyApp(app);
  const cwd = join(consumers, app);
  const scripts = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')).scripts ?? {};
  const times = {};
  const step = async (name, fn) => {
    const started = performance.now();
    try {
      await fn();
    } finally {
      times[name] = (performance.now() - started) / 1000;
    }
  };
  try {
    if (updateLocks) {
      rmSync(join(cwd, 'node_modules'), { recursive: true, force: true });
      rmSync(join(cwd, 'package-lock.json'), { force: true });
      await step('install', () => run(cwd, ['npm', 'install'], LIMITS.install));
      unpinTarball(app);
    } else {
      await step('install', () => run(cwd, ['npm', 'ci', '--prefer-offline'], LIMITS.install));
    }
    if (scripts.typecheck) await step('typecheck', () => run(cwd, ['npm', 'run', 'typecheck'], LIMITS.typecheck));
    if (scripts.build) await step('build', () => run(cwd, ['npm', 'run', 'build'], LIMITS.build));
    if (scripts.test) await step('node', () => run(cwd, ['npm', 'test'], LIMITS.node));
    if (spec.browser !== false) await step('browser', () => withTimeout(checkInBrowser(app, spec), LIMITS.browser, 'the browser check'));
    if (spec.dev) {
      await step('dev', async () => {
        const dev = await startDevServer(cwd);
        try {
          await withTimeout(checkInBrowser(app, spec, dev.origin), LIMITS.dev, 'the check in the dev server');
        } finally {
          dev.stop();
        }
      });
    }
    return { app, times, ok: true };
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    return { app, times, ok: false, error: error.message };
  }
}

const started = performance.now();
packTarball();
const results = [];
for (const app of selected) {
  const result = await runApp(app);
  results.push(result);
  const steps = Object.entries(result.times).map(([name, s]) => `${name} ${s.toFixed(1)} s`).join(', ');
  const total = Object.values(result.times).reduce((a, b) => a + b, 0);
  console.log(`consumer ${app}: ${result.ok ? 'ok' : 'FAILED'} in ${total.toFixed(1)} s (${steps})`);
  if (!result.ok) console.log(result.error.replace(/^/gm, '    '));
}
await browser?.close();
if (process.env.OPS_KEEP_CONSUMERS) console.log(`consumer apps left in ${consumers}`);
else rmSync(consumers, { recursive: true, force: true });
const failed = results.filter((r) => !r.ok).length;
console.log(`consumer matrix: ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
console.log(`consumers: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
