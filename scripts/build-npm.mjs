// The npm build (dist/lib/): ES modules for an app's own bundler, one file per source module, that
// import lit, @lit/*, the d3 modules, topojson-client, valibot and maplibre-gl by bare specifier,
// so the app installs and dedupes them (one lit per page). ops.js and its self-contained chunks in
// dist/chunks/ are a separate build for script-tag users.
//
// Two URLs are written into the output as literal `new URL('…', import.meta.url)` calls, the
// pattern Vite (dev and build) and webpack 5 emit as assets: the bundled dataset, and MapLibre's
// worker in the app's own maplibre-gl. They are written after bundling (renderChunk), so this build does not
// itself inline or move those files.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { transform } from 'esbuild';
import { build } from 'vite';
import { DATASET_FILE_PATH, NPM_ENTRIES } from './npm-entries.mjs';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** A bare specifier (`lit`, `@lit/task`, `d3-geo`, `maplibre-gl`), except MapLibre's CSS, inlined below. */
const isDependency = (id) => /^(?![./])(?!\0)/.test(id) && !id.includes('?inline') && !id.startsWith(root);

/**
 * MapLibre's stylesheet, adopted into the map's shadow root, as a module of its own in dist/lib/
 * (minified text): the app needs no CSS loader, and the map works whichever app imports it.
 */
function maplibreCss() {
  const CSS = 'maplibre-gl/dist/maplibre-gl.css?inline';
  const id = join(root, 'src/components/station-map/maplibre-gl-css.js');
  return {
    name: 'ops-npm-maplibre-css',
    enforce: 'pre',
    resolveId: (source) => (source === CSS ? id : null),
    async load(file) {
      if (file !== id) return null;
      const css = readFileSync(join(root, 'node_modules/maplibre-gl/dist/maplibre-gl.css'), 'utf8');
      const { code } = await transform(css, { loader: 'css', minify: true });
      return `export default ${JSON.stringify(code)};`;
    },
  };
}

/**
 * From a module in dist/lib/ up to the installed package's folder, whose sibling in node_modules is
 * maplibre-gl (npm and yarn hoist it there; pnpm links a package's dependencies beside it). A path,
 * not the bare specifier: Vite's dev server rewrites the URLs of a pre-bundled dependency as
 * paths, and would look for "maplibre-gl/" inside this package.
 */
const packageRoot = (fileName) => '../'.repeat(fileName.split('/').length + 1);

function literalUrls(libDir, outDir) {
  return {
    name: 'ops-npm-literal-urls',
    renderChunk(code, chunk) {
      const from = dirname(join(libDir, chunk.fileName));
      let dataset = relative(from, join(outDir, DATASET_FILE_PATH)).split('\\').join('/');
      if (!dataset.startsWith('.')) dataset = `./${dataset}`;
      const out = code
        .replace(/typeof (__OPS_NPM_[A-Z_]+__) !== "undefined"/g, 'true')
        .replaceAll('__OPS_NPM_DATASET_URL__', `new URL(${JSON.stringify(dataset)}, import.meta.url)`)
        .replaceAll('__OPS_NPM_MAPLIBRE_WORKER_URL__', `new URL(${JSON.stringify(`${packageRoot(chunk.fileName)}../maplibre-gl/dist/maplibre-gl-worker.mjs`)}, import.meta.url)`);
      return out === code ? null : { code: out, map: null };
    },
  };
}

export async function buildNpm(outDir = process.env.OPS_OUT || 'dist') {
  const absOut = resolve(root, outDir);
  const libDir = join(absOut, 'lib');
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [maplibreCss(), literalUrls(libDir, absOut)],
    define: {
      // Only ops.js's chunks carry MapLibre's worker beside them.
      __OPS_MAPLIBRE_WORKER__: 'undefined',
      // The bundled dataset's digest: that exact file was checked by data:check (see src/data/load.ts).
      __OPS_DATASET_SHA256__: JSON.stringify(readFileSync(join(root, 'data/overseas-police-stations.json.sha256'), 'utf8').split(/\s/)[0]),
    },
    build: {
      outDir: libDir,
      emptyOutDir: true,
      target: 'es2022',
      // The app's bundler minifies; readable modules let it tree-shake and show useful stack traces.
      minify: false,
      sourcemap: true,
      cssMinify: true,
      lib: { entry: Object.fromEntries(NPM_ENTRIES.map((e) => [e.name, join(root, e.source)])), formats: ['es'] },
      rollupOptions: {
        external: isDependency,
        output: {
          preserveModules: true,
          preserveModulesRoot: join(root, 'src'),
          entryFileNames: '[name].js',
        },
      },
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildNpm();
