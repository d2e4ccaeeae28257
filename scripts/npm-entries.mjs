// The npm package's entry modules (dist/lib/<name>.js, types in dist/types/<name>.d.ts): every
// element's registering module, and the index that registers all of them.
import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

export const DATASET_FILE_PATH = 'data/overseas-police-stations.json';

const elements = readdirSync(resolve(root, 'src/components'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

export const NPM_ENTRIES = [
  { name: 'index', source: 'src/index.ts', subpath: '.' },
  ...elements.map((element) => ({ name: `components/${element}/define`, source: `src/components/${element}/define.ts`, subpath: `./${element}` })),
];
