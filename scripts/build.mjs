// `npm run build` → dist/ (OPS_OUT names another folder, so parallel work can build elsewhere).
// One step after another, each a function below; the element list comes from src/elements.ts.
// Run with tsx loaded (node --import tsx), which lets this script read the TypeScript registry.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { transform } from 'esbuild';
import { build } from 'vite';
import { ELEMENT_NAMES, ELEMENTS, elementsJson } from '../src/elements.ts';
import { DATASET_FILE } from '../src/shared/dataset-file.ts';
import { TRANSLATION_LANGS } from '../src/data/translation.ts';
import { writeEmbedPages } from './embed-pages.ts';
import { writeWordPressZip } from './wordpress-zip.ts';
import { writePrerendered } from './prerendered.ts';
import { stringsTemplate } from './strings-template.ts';
import { frameworkTypes } from './framework-types.mjs';
import { DATASET_SHA256, MAPLIBRE_WORKER } from '../vite.config.ts';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const out = resolve(root, process.env.OPS_OUT || 'dist');


/** Packages whose code is bundled into dist/; their licence texts ship beside it. */
const BUNDLED = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/task', 'valibot', 'd3-dsv',
  // <ops-station-map>: MapLibre (chunks/gl-map-*.js and chunks/maplibre-gl-worker.mjs), the preview's projection, the basemap.
  'maplibre-gl', 'd3-geo', 'd3-array', 'topojson-client', 'world-atlas'];
/** Data (not code) that ships in dist/ under its own terms. */
const DATA_NOTES = [
  '## Natural Earth (country outlines of the station map, via world-atlas)\n\n' +
    'Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com. ' +
    'Natural Earth data are in the public domain (https://www.naturalearthdata.com/about/terms-of-use/).\n',
];

/** A small classic script (no `type="module"` needed on the page), minified. */
function classicScript(entry, outDir, fileName, define = {}) {
  return build({
    configFile: false,
    logLevel: 'warn',
    define,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2020',
      minify: true,
      lib: { entry: join(root, entry), formats: ['iife'], name: 'overseasPoliceStations', fileName: () => fileName },
    },
  });
}

/**
 * ES modules in chunks/: one entry per element (stable names, loaded by ops.js and imported by
 * npm users), index.js (registers all), and shared chunks named by what they hold.
 * Returns the bundle, read by the next step to list each element's chunks.
 */
async function libraryChunks() {
  // The configuration is vite.config.ts: entries from the registry, chunk names, the build's constants.
  const result = await build({ configFile: join(root, 'vite.config.ts') });
  const bundle = Array.isArray(result) ? result[0] : result;
  cpSync(join(root, 'node_modules/maplibre-gl/dist', MAPLIBRE_WORKER), join(out, 'chunks', MAPLIBRE_WORKER));
  return bundle.output.filter((file) => file.type === 'chunk');
}

/** The files of these chunks and of everything they import statically, at any depth. */
function closure(chunks, files) {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    byFile.get(file)?.imports.forEach(visit);
  };
  files.forEach(visit);
  return [...seen].sort();
}

/**
 * dist/ops.js, the one-tag script. It asks for every chunk an element's entry imports statically
 * at once: left to the browser, they arrive one level of imports at a time (entry, then
 * implementation, then shared code), three round trips instead of one. Dynamic imports (the
 * basemap, MapLibre, the validator) are not followed: they load later, or never.
 */
async function onePageScript(chunks) {
  const elementChunks = Object.fromEntries(
    ELEMENT_NAMES.map((name) => {
      const entry = chunks.find((c) => c.isEntry && c.fileName === ELEMENTS[name].chunk);
      if (!entry) throw new Error(`no chunk ${ELEMENTS[name].chunk} for <${ELEMENTS[name].tag}> in the build`);
      return [name, closure(chunks, entry.imports)];
    }),
  );
  // The record-by-record checks (src/data/validate.ts, with valibot and the schema): only a
  // dataset other than the bundled one needs them.
  const validator = chunks.find((c) => c.name === 'validate' && !c.isEntry);
  if (!validator) throw new Error('no "validate" chunk in the build: src/data/validate.ts must stay a chunk of its own');
  await classicScript('src/autoload/ops.ts', out, 'ops.js', {
    __OPS_ELEMENT_CHUNKS__: JSON.stringify(elementChunks),
    __OPS_VALIDATOR_CHUNKS__: JSON.stringify(closure(chunks, [validator.fileName])),
  });
}

/** The iframe route's page script and the host pages' resize script, in dist/embed/. */
async function embedScripts() {
  await classicScript('src/embed/frame.ts', join(out, 'embed'), 'frame.js');
  await classicScript('src/embed/resize.ts', join(out, 'embed'), 'resize.js');
}

/**
 * The npm package's entry modules (dist/lib/<name>.js, types in dist/types/<name>.d.ts): the index
 * that registers every element, and each element's own (`overseas-police-stations/<element>`).
 */
const NPM_ENTRIES = [
  { name: 'index', source: 'src/index.ts', subpath: '.' },
  ...ELEMENT_NAMES.map((name) => ({ name: ELEMENTS[name].module.replace(/^src\//, '').replace(/\.ts$/, ''), source: ELEMENTS[name].module, subpath: `./${name}` })),
  // Server rendering (Node): renderWidget() with @lit-labs/ssr.
  { name: 'ssr/index', source: 'src/ssr/index.ts', subpath: './ssr' },
];

/**
 * MapLibre's stylesheet, adopted into the map's shadow root, as a module of its own in dist/lib/
 * (minified text): the app needs no CSS loader, and the map works whichever app imports it.
 */
function maplibreCssModule() {
  const CSS = 'maplibre-gl/dist/maplibre-gl.css?inline';
  const id = join(root, 'src/components/station-map/maplibre-gl-css.js');
  return {
    name: 'ops-npm-maplibre-css',
    enforce: 'pre',
    resolveId: (source) => (source === CSS ? id : null),
    async load(file) {
      if (file !== id) return null;
      const { code } = await transform(readFileSync(join(root, 'node_modules/maplibre-gl/dist/maplibre-gl.css'), 'utf8'), { loader: 'css', minify: true });
      return `export default ${JSON.stringify(code)};`;
    },
  };
}

/**
 * Two URLs written as literal `new URL('…', import.meta.url)`, the pattern Vite (dev server and
 * build) and webpack 5 emit as assets, in place of the names the source declares for them: the
 * bundled dataset, and MapLibre's worker in the app's own maplibre-gl. Written after bundling, so
 * this build does not itself inline or move those files. The worker's is a path from the
 * installed package's folder to its sibling in node_modules (npm and yarn hoist maplibre-gl
 * there; pnpm links a package's dependencies beside it), not the bare specifier: Vite's dev
 * server rewrites a pre-bundled dependency's URLs as paths and would look inside this package.
 */
function literalUrls(libDir) {
  return {
    name: 'ops-npm-literal-urls',
    renderChunk(code, chunk) {
      const from = dirname(join(libDir, chunk.fileName));
      const dataset = relative(from, join(out, DATASET_FILE)).split('\\').join('/');
      // dist/ is at the package's root: one step more than from the module up to dist/.
      const packageRoot = '../'.repeat(relative(out, from).split(/[\\/]/).length + 1);
      const written = code
        .replace(/typeof (__OPS_NPM_[A-Z_]+__) !== "undefined"/g, 'true')
        .replaceAll('__OPS_NPM_DATASET_URL__', `new URL(${JSON.stringify(dataset.startsWith('.') ? dataset : `./${dataset}`)}, import.meta.url)`)
        // The translations beside it, each its own literal so the bundler emits them too (fetched only by pages in that language).
        .replaceAll(
          '__OPS_NPM_TRANSLATION_URLS__',
          `{ ${TRANSLATION_LANGS.map((lang) => {
            const file = dataset.replace(/\.json$/, `.${lang}.json`);
            return `${JSON.stringify(lang)}: new URL(${JSON.stringify(file.startsWith('.') ? file : `./${file}`)}, import.meta.url)`;
          }).join(', ')} }`,
        )
        .replaceAll('__OPS_NPM_MAPLIBRE_WORKER_URL__', `new URL(${JSON.stringify(`${packageRoot}../maplibre-gl/dist/${MAPLIBRE_WORKER}`)}, import.meta.url)`);
      return written === code ? null : { code: written, map: null };
    },
  };
}

/**
 * dist/lib/: the npm package's ES modules, one per source module (so `sideEffects` can name the
 * registering ones exactly), importing lit, @lit/task, the d3 modules, topojson-client, valibot
 * and maplibre-gl by bare specifier: the app installs and dedupes them (one lit per page). Not
 * minified: the app's bundler minifies, and readable modules give readable stack traces.
 */
async function npmModules() {
  const libDir = join(out, 'lib');
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [maplibreCssModule(), literalUrls(libDir)],
    define: {
      // Only ops.js's chunks carry MapLibre's worker beside them.
      __OPS_MAPLIBRE_WORKER__: 'undefined',
      __OPS_DATASET_SHA256__: JSON.stringify(DATASET_SHA256),
    },
    build: {
      outDir: libDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: true,
      lib: { entry: Object.fromEntries(NPM_ENTRIES.map((e) => [e.name, join(root, e.source)])), formats: ['es'] },
      rollupOptions: {
        // Every bare specifier is a dependency the app installs (MapLibre's CSS is inlined above),
        // but the compiler's own helpers (decorators), which are bundled into vendor/.
        external: (id) => /^[^./\0]/.test(id) && !id.startsWith(root) && !id.endsWith('?inline') && !id.startsWith('@oxc-project/runtime'),
        output: {
          preserveModules: true,
          preserveModulesRoot: join(root, 'src'),
          // npm leaves any node_modules/ folder out of a package: helpers go to vendor/.
          entryFileNames: (chunk) => (chunk.name.includes('node_modules/') ? `vendor/${chunk.name.replace(/^.*node_modules\//, '')}.js` : '[name].js'),
        },
      },
    },
  });
}

/**
 * The frameworks' types and the React wrappers, from custom-elements.json (scripts/framework-types.mjs),
 * referenced from every entry's .d.ts so an app's one import brings them.
 */
function frameworkTypesStep() {
  const { frameworks, reactJs, reactDts } = frameworkTypes(JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')));
  writeFileSync(join(out, 'types/frameworks.d.ts'), frameworks);
  writeFileSync(join(out, 'lib/react.js'), reactJs);
  writeFileSync(join(out, 'types/react.d.ts'), reactDts);
  for (const entry of NPM_ENTRIES) {
    const file = join(out, 'types', `${entry.name}.d.ts`);
    const reference = `/// <reference path="${relative(dirname(file), join(out, 'types/frameworks.d.ts')).split('\\').join('/')}" />\n`;
    writeFileSync(file, reference + readFileSync(file, 'utf8'));
  }
}

/** .d.ts files for npm users, in dist/types/. */
function types() {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', join(out, 'types')], { cwd: root, stdio: 'inherit' });
}

/** The dataset, the demo and frame pages, the licence and third-party notices: dist/ is one folder to copy to any host. */
function staticCopies() {
  mkdirSync(join(out, 'data'), { recursive: true });
  // The .sha256 lets readers check the file the credit line names (its version links to it).
  const translations = TRANSLATION_LANGS.map((lang) => `overseas-police-stations.${lang}.json`);
  for (const file of ['overseas-police-stations.json', 'overseas-police-stations.json.sha256', 'overseas-police-stations.schema.json', ...translations, 'README.md', 'CHANGELOG.md']) {
    cpSync(join(root, 'data', file), join(out, 'data', file));
  }
  cpSync(join(root, 'demo'), join(out, 'demo'), { recursive: true });
  cpSync(join(root, 'embed'), join(out, 'embed'), { recursive: true });
  // The Subresource Integrity hash of ops.js, for the embed-code generator (demo/embed.html).
  writeFileSync(
    join(out, 'embed', 'integrity.json'),
    `${JSON.stringify({ 'ops.js': `sha384-${createHash('sha384').update(readFileSync(join(out, 'ops.js'))).digest('base64')}` }, null, 2)}\n`,
  );
  cpSync(join(root, 'LICENSE'), join(out, 'LICENSE'));
  const notices = BUNDLED.map((name) => {
    const dir = join(root, 'node_modules', name);
    const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    if (!file) throw new Error(`no licence file found for ${name}`);
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return `## ${name} ${version}\n\n${readFileSync(join(dir, file), 'utf8').trim()}\n`;
  });
  writeFileSync(
    join(out, 'THIRD-PARTY-NOTICES.md'),
    `# Third-party notices\n\nThe files in this folder include code from the packages below.\n\n${notices.join('\n')}\n${DATA_NOTES.join('\n')}`,
  );
  // The registry as data, for tools that generate from it (allow-lists, entries, framework types).
  writeFileSync(join(out, 'elements.json'), `${JSON.stringify(elementsJson(), null, 2)}\n`);
  // Every UI string key in English, for newsrooms translating into a language of their own.
  writeFileSync(join(out, 'strings-template.json'), `${JSON.stringify(stringsTemplate(), null, 2)}\n`);
}

/** custom-elements.json (Custom Elements Manifest) from the JSDoc on the element classes. */
function manifest() {
  execFileSync('npx', ['custom-elements-manifest', 'analyze'], { cwd: root, stdio: 'inherit' });
}

/** The registry, the code and the output agree: every element's chunk is built, and its class documents its tag. */
function checks() {
  const problems = [];
  const documented = new Set(
    JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'))
      .modules.flatMap((m) => m.declarations ?? [])
      .map((d) => d.tagName)
      .filter(Boolean),
  );
  for (const name of ELEMENT_NAMES) {
    const { tag, chunk, alongside = [], prerendered } = ELEMENTS[name];
    for (const file of [chunk, ...alongside, ...(prerendered ? [prerendered] : [])]) if (!existsSync(join(out, file))) problems.push(`${file} (for <${tag}>) was not built`);
    if (!documented.has(tag)) problems.push(`no class in custom-elements.json documents @element ${tag}`);
  }
  for (const file of ['ops.js', 'embed/frame.js', 'embed/resize.js', `chunks/${MAPLIBRE_WORKER}`, 'types/index.d.ts', 'elements.json', 'strings-template.json', 'wordpress/overseas-police-stations.zip', 'lib/react.js', 'types/frameworks.d.ts']) {
    if (!existsSync(join(out, file))) problems.push(`${file} is missing`);
  }
  for (const file of ELEMENT_NAMES.map((name) => `embed/${name}/index.html`)) {
    if (!existsSync(join(out, file))) problems.push(`${file} is missing`);
  }
  // Each npm entry is built, typed and exported.
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const { name, subpath } of NPM_ENTRIES) {
    const expected = { types: `./dist/types/${name}.d.ts`, default: `./dist/lib/${name}.js` };
    if (JSON.stringify(pkg.exports[subpath]) !== JSON.stringify(expected)) problems.push(`package.json exports["${subpath}"] should be ${JSON.stringify(expected)}`);
    for (const file of Object.values(expected)) if (!existsSync(join(out, file.replace('./dist/', '')))) problems.push(`${file} was not built`);
  }
  if (problems.length) throw new Error(`the build is incomplete:\n  ${problems.join('\n  ')}`);
}

const steps = [
  ['library chunks', async (state) => (state.chunks = await libraryChunks())],
  ['ops.js', (state) => onePageScript(state.chunks)],
  ['embed scripts', embedScripts],
  ['npm modules', npmModules],
  ['types', types],
  ['static copies', staticCopies],
  // One page per widget; with OPS_PUBLIC_URL (the URL dist/ is served from), oEmbed discovery and oembed.json.
  ['embed pages', () => writeEmbedPages(out, process.env.OPS_PUBLIC_URL || undefined)],
  // The default views ops.js shows while the code downloads (registry: `prerendered`).
  ['prerendered views', () => writePrerendered(out)],
  // The plugin with its own copy of ops.js, the chunks, the dataset and elements.json.
  ['wordpress plugin', () => writeWordPressZip(out)],
  ['manifest', manifest],
  ['framework types', frameworkTypesStep],
  ['checks', checks],
];

const state = {};
for (const [name, step] of steps) {
  const started = performance.now();
  await step(state);
  console.log(`build: ${name} (${Math.round(performance.now() - started)} ms)`);
}
console.log(`build: done → ${out}`);
