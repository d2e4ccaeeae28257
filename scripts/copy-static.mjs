// After the vite builds: puts the dataset, the demo pages and the licence
// notices into dist/, so dist/ is one folder to copy to any host or CDN.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const dist = resolve(root, process.env.OPS_OUT || 'dist');

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

mkdirSync(join(dist, 'data'), { recursive: true });
// The .sha256 lets readers check the file the credit line names (its version links to it).
for (const file of ['overseas-police-stations.json', 'overseas-police-stations.json.sha256', 'overseas-police-stations.schema.json', 'README.md', 'CHANGELOG.md']) {
  cpSync(join(root, 'data', file), join(dist, 'data', file));
}
cpSync(join(root, 'demo'), join(dist, 'demo'), { recursive: true });
// The iframe route (embed/index.html; its scripts are built by `vite build --mode embed`), and the
// Subresource Integrity hash of ops.js for the embed-code generator (demo/embed.html).
cpSync(join(root, 'embed'), join(dist, 'embed'), { recursive: true });
writeFileSync(
  join(dist, 'embed', 'integrity.json'),
  `${JSON.stringify({ 'ops.js': `sha384-${createHash('sha384').update(readFileSync(join(dist, 'ops.js'))).digest('base64')}` }, null, 2)}\n`,
);
cpSync(join(root, 'LICENSE'), join(dist, 'LICENSE'));

const notices = BUNDLED.map((name) => {
  const dir = join(root, 'node_modules', name);
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  if (!file) throw new Error(`no licence file found for ${name}`);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return `## ${name} ${version}\n\n${readFileSync(join(dir, file), 'utf8').trim()}\n`;
});
writeFileSync(
  join(dist, 'THIRD-PARTY-NOTICES.md'),
  `# Third-party notices\n\nThe files in this folder include code from the packages below.\n\n${notices.join('\n')}\n${DATA_NOTES.join('\n')}`,
);
console.log('copied data/, demo/, LICENSE and THIRD-PARTY-NOTICES.md into dist/');
