import { defineConfig } from 'vite';

/** OPS_OUT lets parallel work build elsewhere than dist/ (scripts read the same variable). */
const outDir = process.env.OPS_OUT || 'dist';

/**
 * Two builds into dist/ (see package.json "build"):
 * - default: ES modules in dist/chunks/ — one entry per element (stable names,
 *   loaded by ops.js and imported by npm users) plus shared hashed chunks;
 * - `--mode embed`: dist/ops.js, the small classic-script autoloader.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'embed') {
    return {
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
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: true,
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
          entryFileNames: 'chunks/[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  };
});
