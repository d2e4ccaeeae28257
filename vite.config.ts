import { existsSync, readFileSync, rmSync } from 'node:fs';
import { build, defineConfig, type Plugin } from 'vite';

/**
 * <ops-station-map>: MapLibre's worker (ESM, self-contained) is emitted beside the
 * chunks, and its name given to gl-map.ts, which passes it to setWorkerUrl()
 * resolved against its own chunk's URL (import.meta.url; never empty in these ES builds).
 */
const MAPLIBRE_WORKER = 'maplibre-gl-worker.mjs';
function maplibreWorker(): Plugin {
  return {
    name: 'ops-maplibre-worker',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: `chunks/${MAPLIBRE_WORKER}`,
        source: readFileSync(new URL(`./node_modules/maplibre-gl/dist/${MAPLIBRE_WORKER}`, import.meta.url)),
      });
    },
  };
}

/** OPS_OUT lets parallel work build elsewhere than dist/ (scripts read the same variable). */
const outDir = process.env.OPS_OUT || 'dist';

/**
 * The iframe route's page script and the host pages' resize script: small
 * classic scripts in dist/embed/ (issue 6). IIFE builds take one entry each,
 * so they are built after ops.js by the embed mode.
 */
const classicScripts: Plugin = {
  name: 'ops-embed-scripts',
  apply: 'build',
  async closeBundle() {
    for (const [entry, file] of [
      ['src/iframe/frame.ts', 'frame.js'],
      ['src/resize.ts', 'resize.js'],
    ] as const) {
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir: `${outDir}/embed`,
          emptyOutDir: false,
          target: 'es2020',
          minify: true,
          lib: { entry, formats: ['iife'], name: 'opsEmbed', fileName: () => file },
        },
      });
    }
  },
};

type Manifest = Record<string, { file: string; name?: string; isEntry?: boolean; imports?: string[] }>;

function readManifest(): Manifest {
  const manifestFile = `${outDir}/.vite/manifest.json`;
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: run the main build (vite build) before --mode embed`);
  return JSON.parse(readFileSync(manifestFile, 'utf8'));
}

/** The files of these manifest entries and of everything they import statically, at any depth. */
function closure(manifest: Manifest, keys: string[]): string[] {
  const files = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key]!;
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return [...files].sort();
}

/**
 * Every chunk each element's entry imports statically, at any depth, read from the main build's
 * manifest. ops.js asks for them all at once: left to the browser, they arrive one level of imports
 * at a time (entry, then implementation, then shared code), three round trips instead of one.
 * Dynamic imports (the basemap, MapLibre, the validator) are not followed: they load later, or never.
 */
function elementChunks(manifest: Manifest): Record<string, string[]> {
  const chunks: Record<string, string[]> = {};
  for (const entry of Object.values(manifest)) {
    if (entry.isEntry && entry.name && entry.name !== 'index') chunks[`ops-${entry.name}`] = closure(manifest, entry.imports ?? []);
  }
  return chunks;
}

/** The chunk of src/data/validate.ts (shared by the elements' dynamic import and index.js), with its imports. */
function validatorChunks(manifest: Manifest): string[] {
  const key = Object.keys(manifest).find((k) => manifest[k]!.name === 'validate');
  if (!key) throw new Error('no "validate" chunk in the build manifest: src/data/validate.ts must stay a chunk of its own');
  return closure(manifest, [key]);
}

/** The manifest is a build-time input of ops.js only: it is not shipped. */
const dropManifest: Plugin = {
  name: 'ops-drop-manifest',
  apply: 'build',
  closeBundle() {
    rmSync(`${outDir}/.vite`, { recursive: true, force: true });
  },
};

/**
 * Two builds into dist/ (see package.json "build"):
 * - default: ES modules in dist/chunks/ — one entry per element (stable names,
 *   loaded by ops.js and imported by npm users) plus shared hashed chunks;
 * - `--mode embed`: dist/ops.js, the small classic-script autoloader.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'embed') {
    const manifest = readManifest();
    return {
      plugins: [classicScripts, dropManifest],
      define: {
        __OPS_ELEMENT_CHUNKS__: JSON.stringify(elementChunks(manifest)),
        // The record-by-record checks, which only a dataset other than the bundled one needs.
        __OPS_VALIDATOR_CHUNKS__: JSON.stringify(validatorChunks(manifest)),
      },
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2020',
        minify: true,
        lib: { entry: 'src/embed.ts', formats: ['iife'], name: 'overseasPoliceStations', fileName: () => 'ops.js' },
      },
    };
  }
  return {
    plugins: [maplibreWorker()],
    define: {
      __OPS_MAPLIBRE_WORKER__: JSON.stringify(`./${MAPLIBRE_WORKER}`),
      // The bundled dataset's digest: that exact file was checked by data:check (see src/data/load.ts).
      __OPS_DATASET_SHA256__: JSON.stringify(readFileSync('data/overseas-police-stations.json.sha256', 'utf8').split(/\s/)[0]),
    },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      // Read by the embed build (the chunks each element needs); removed once ops.js is built.
      manifest: true,
      lib: {
        entry: {
          index: 'src/index.ts',
          'country-table': 'src/components/country-table/define.ts',
          'source-card': 'src/components/source-card/define.ts',
          'station-map': 'src/components/station-map/define.ts',
          'repatriation-timeline': 'src/components/repatriation-timeline/define.ts',
        },
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
            if (ids.some((id) => id.endsWith('src/shared/ops-element.ts'))) return 'chunks/shared-[hash].js';
            return 'chunks/[name]-[hash].js';
          },
        },
      },
    },
  };
});
