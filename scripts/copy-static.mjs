// After the vite builds: puts the dataset, the demo pages and the licence
// notices into dist/, so dist/ is one folder to copy to any host or CDN.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const dist = resolve(root, process.env.OPS_OUT || 'dist');

/** Packages whose code is bundled into dist/; their licence texts ship beside it. */
const BUNDLED = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/task', 'valibot', 'd3-dsv'];

mkdirSync(join(dist, 'data'), { recursive: true });
for (const file of ['overseas-police-stations.json', 'overseas-police-stations.schema.json', 'README.md']) {
  cpSync(join(root, 'data', file), join(dist, 'data', file));
}
cpSync(join(root, 'demo'), join(dist, 'demo'), { recursive: true });
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
  `# Third-party notices\n\nThe files in this folder include code from the packages below.\n\n${notices.join('\n')}`,
);
console.log('copied data/, demo/, LICENSE and THIRD-PARTY-NOTICES.md into dist/');
