// The browser chunks in dist/chunks/: one ES module per element (stable names, loaded by ops.js),
// index.js (registers all), and shared chunks named by what they hold. This is the first step of
// scripts/build.mjs (`npm run build`), which then builds ops.js, the npm modules, types and copies
// from its output; `npx vite build` alone makes just these chunks.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { ELEMENT_NAMES, ELEMENTS } from './src/elements.js';

const root = import.meta.dirname;
/** MapLibre's worker (ESM, self-contained): build.mjs copies it beside the chunks; gl-map.ts gives it to setWorkerUrl(). */
export const MAPLIBRE_WORKER = 'maplibre-gl-worker.mjs';
/** The bundled dataset's digest: that exact file was checked by data:check (see src/data/load.ts). */
export const DATASET_SHA256 = readFileSync(resolve(root, 'data/overseas-police-stations.json.sha256'), 'utf8').split(/\s/)[0];

export default defineConfig({
  logLevel: 'warn',
  define: {
    __OPS_MAPLIBRE_WORKER__: JSON.stringify(`./${MAPLIBRE_WORKER}`),
    __OPS_DATASET_SHA256__: JSON.stringify(DATASET_SHA256),
  },
  build: {
    // OPS_OUT names another folder, so parallel work can build elsewhere than dist/.
    outDir: resolve(root, process.env.OPS_OUT || 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: {
      entry: { index: resolve(root, 'src/index.ts'), ...Object.fromEntries(ELEMENT_NAMES.map((name) => [name, resolve(root, ELEMENTS[name].module)])) },
      formats: ['es'],
    },
    rollupOptions: {
      output: {
        // Vite keeps whitespace in lib-mode ES output (for other bundlers' tree-shaking), but
        // ops.js serves these chunks to readers as they are: minify them fully.
        minify: true,
        entryFileNames: 'chunks/[name].js',
        // The basemap keeps a fixed name so ops.js can ask for it alongside the map's own chunk
        // (it changes only with world-atlas); shared chunks are named by their content.
        chunkFileNames: (chunk) => {
          if (chunk.name === 'basemap-110m') return 'chunks/basemap-110m.js';
          // Named by what they hold, not by the first module the bundler met ("define-…").
          const ids = chunk.moduleIds.map((id) => id.replaceAll('\\', '/'));
          const element = ids.map((id) => /src\/components\/([a-z-]+)\/\1\.ts$/.exec(id)?.[1]).find(Boolean);
          if (element) return `chunks/${element}.impl-[hash].js`;
          // One chunk per UI language (src/locales/fr.ts → chunks/lang-fr-….js), fetched only by pages in it.
          const locale = ids.map((id) => /src\/locales\/([A-Za-z-]+)\.ts$/.exec(id)?.[1]).find(Boolean);
          if (locale) return `chunks/lang-${locale}-[hash].js`;
          if (ids.some((id) => id.endsWith('src/shared/ops-element.ts'))) return 'chunks/shared-[hash].js';
          return 'chunks/[name]-[hash].js';
        },
      },
    },
  },
});
