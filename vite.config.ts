import { defineConfig } from 'vite';

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
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2020',
        minify: true,
        lib: { entry: 'src/embed.ts', formats: ['iife'], name: 'overseasPoliceStations', fileName: () => 'ops.js' },
      },
    };
  }
  return {
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      lib: {
        entry: {
          index: 'src/index.ts',
          'country-table': 'src/components/country-table/define.ts',
          'source-card': 'src/components/source-card/define.ts',
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
