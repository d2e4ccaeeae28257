// Tests run in Debian's Chromium (or CHROME_PATH); scripts/test.mjs finds it
// and sets CHROME_PATH. No browser is ever downloaded.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, relative, resolve, sep } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

/**
 * Tests of the built output (test/dist/):
 * - `/dist/…` is served from OPS_OUT when that is set, so a build in another folder can be tested
 *   while dist/ belongs to someone else;
 * - `/__ops-copy/<name>/…` serves a second copy of the build at another URL (a second copy of the
 *   script on one page); for `<name>` = `v9`, with its version changed to 9.9.9 (a second version);
 * - pages named `test/fixtures/embed-csp*` are served with a strict Content-Security-Policy header.
 */
const distDir = resolve(process.env.OPS_OUT || 'dist');
const PACKAGE_VERSION = JSON.parse(readFileSync('package.json', 'utf8')).version;
const TYPES = { '.js': 'js', '.mjs': 'js', '.json': 'json', '.html': 'html', '.css': 'css', '.map': 'json' };
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; worker-src 'self' blob:; connect-src 'self'";
const embedTestFiles = {
  name: 'ops-embed-test-files',
  serve(context) {
    const match = /^\/(?:dist|__ops-copy\/([a-z0-9]+))\/(.+)$/.exec(context.path);
    if (!match || (!match[1] && !process.env.OPS_OUT)) return undefined;
    let file = join(distDir, decodeURIComponent(match[2]));
    // A folder's address (/dist/embed/<widget>/) is its index.html, as the dev server answers it.
    if (context.path.endsWith('/')) file = join(file, 'index.html');
    if (!file.startsWith(distDir + sep) || !existsSync(file)) return undefined;
    let body = readFileSync(file, 'utf8');
    // The minifier may quote the version with "", '' or ``: every form is rewritten.
    if (match[1] === 'v9' && file.endsWith('.js')) {
      const quoted = new RegExp(`(["'\`])${PACKAGE_VERSION.replaceAll('.', '\\.')}\\1`, 'g');
      body = body.replace(quoted, '$19.9.9$1');
    }
    return { body, type: TYPES[extname(file)] ?? 'txt' };
  },
};
/**
 * `import css from '….css?inline'` as Vite does it (the CSS text as a default export), so
 * gl-map.ts imports MapLibre's stylesheet from the package in tests too, not a copy.
 */
const require = createRequire(import.meta.url);
const inlineCss = {
  name: 'ops-inline-css',
  resolveImport({ source }) {
    const match = /^([^./].*\.css)\?inline$/.exec(source);
    if (!match) return undefined;
    return `/${relative(process.cwd(), require.resolve(match[1])).split(sep).join('/')}?inline`;
  },
  serve(context) {
    if (!context.path.endsWith('.css') || !context.URL.searchParams.has('inline')) return undefined;
    const file = resolve(process.cwd(), `.${decodeURIComponent(context.path)}`);
    if (!file.startsWith(process.cwd() + sep) || !existsSync(file)) return undefined;
    return { body: `export default ${JSON.stringify(readFileSync(file, 'utf8'))};`, type: 'js' };
  },
};

/**
 * `executeServerCommand('ops-ci')` answers whether CI is set: there a missing snapshot is a
 * failure, not a file to write.
 */
const ciFlag = {
  name: 'ops-ci',
  executeCommand({ command }) {
    return command === 'ops-ci' ? Boolean(process.env.CI) : undefined;
  },
};

/** The policy the README gives a page that loads ops.js from a CDN (`cdn`: the script's origin). */
export const cdnCsp = (cdn) =>
  `default-src 'self'; script-src 'self' ${cdn}; style-src 'self'; img-src 'self' data:; ` +
  `worker-src 'self' blob: ${cdn}; connect-src 'self' ${cdn}`;

async function strictCsp(context, next) {
  if (context.path.startsWith('/test/fixtures/embed-csp')) context.set('Content-Security-Policy', STRICT_CSP);
  if (context.path.startsWith('/test/fixtures/embed-cross-origin')) {
    const script = context.URL.searchParams.get('script');
    if (script) context.set('Content-Security-Policy', cdnCsp(new URL(script).origin));
  }
  await next();
  // /dist/ stands in for a CDN too: cross-origin pages may load its modules, dataset and worker.
  if (context.path.startsWith('/dist/')) context.set('Access-Control-Allow-Origin', '*');
}

export default {
  // Every browser test (test/node/ is Node-side; test/consumers/ holds the consumer matrix's apps). Groups run one part alone: `npm run test:unit`
  // (pure parts: data, selectors, drawing, strings; no build needed) and `npm run test:dist` (the
  // built dist/). They are defined only for --group: web-test-runner runs every group besides
  // the files named, which would make `--files one.test.ts` run the groups too.
  files: ['test/**/*.test.ts', '!test/node/**', '!test/consumers/**'],
  groups: process.argv.includes('--group')
    ? [
        { name: 'unit', files: 'test/unit/**/*.test.ts' },
        { name: 'dist', files: 'test/dist/**/*.test.ts' },
      ]
    : undefined,
  nodeResolve: true,
  plugins: [inlineCss, embedTestFiles, ciFlag, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  middleware: [strictCsp],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu-sandbox',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--enable-unsafe-swiftshader',
        ],
      },
    }),
  ],
  concurrency: 2,
  testFramework: { config: { timeout: 15000 } },
};
