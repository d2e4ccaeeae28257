// dist/wordpress/overseas-police-stations.zip: the plugin (integrations/wordpress/) with its own
// copy of the widgets in assets/ (ops.js, the chunks, the dataset, the licence notices), so a
// WordPress site serves every file itself, and elements.json, the allow-list its PHP reads.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { elementsJson } from '../src/elements.js';
import { defaultViews } from './prerendered.js';

const root = resolve(import.meta.dirname, '..');
const NAME = 'overseas-police-stations';

function files(dir: string, keep: (path: string) => boolean = () => true): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile() && keep(path))
    .sort();
}

export async function writeWordPressZip(dist: string): Promise<string> {
  const zip: Zippable = {};
  const add = (path: string, data: Uint8Array) => {
    zip[`${NAME}/${path.split('\\').join('/')}`] = [data, { mtime: new Date('2020-01-01T00:00:00Z') }];
  };
  const plugin = join(root, 'integrations/wordpress', NAME);
  for (const path of files(plugin)) add(path, readFileSync(join(plugin, path)));
  // The registry as data, the same file as dist/elements.json: what the PHP accepts is what the elements read.
  add('elements.json', Buffer.from(`${JSON.stringify(elementsJson(), null, 2)}\n`));
  add('LICENSE', readFileSync(join(root, 'LICENSE')));
  // Every widget's default view, rendered at build time: a post shows it before any script runs.
  for (const [name, html] of Object.entries(await defaultViews())) add(`prerendered/${name}.html`, Buffer.from(html));
  // What readers' browsers load; source maps stay out of the plugin (a third of dist/'s size).
  for (const file of ['ops.js', 'THIRD-PARTY-NOTICES.md']) add(`assets/${file}`, readFileSync(join(dist, file)));
  for (const dir of ['chunks', 'data', 'prerendered']) {
    for (const path of files(join(dist, dir), (p) => !p.endsWith('.map'))) add(`assets/${dir}/${path}`, readFileSync(join(dist, dir, path)));
  }
  const out = join(dist, 'wordpress', `${NAME}.zip`);
  mkdirSync(join(dist, 'wordpress'), { recursive: true });
  writeFileSync(out, zipSync(zip, { level: 9 }));
  console.log(`${relative(root, out)}: ${Object.keys(zip).length} files, ${Math.round(statSync(out).size / 1024)} KB`);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await writeWordPressZip(resolve(process.env.OPS_OUT ?? 'dist'));
