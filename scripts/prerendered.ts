// Each widget's default view (no attributes), rendered at build time with the library's own
// renderWidget and without the dataset: the WordPress plugin prints these (PHP cannot run the
// widgets), and ops.js shows those the registry marks `prerendered` while the code downloads.
// Links to the data carry ASSETS_TOKEN where the folder's URL belongs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ASSETS_TOKEN, ELEMENT_NAMES, ELEMENTS, type ElementName } from '../src/elements.js';
import { renderWidget } from '../src/ssr/index.js';

const root = resolve(import.meta.dirname, '..');

let rendered: Promise<Record<ElementName, string>> | undefined;
/** Rendered once per build, for dist/prerendered/ and the WordPress plugin alike. */
export function defaultViews(): Promise<Record<ElementName, string>> {
  return (rendered ??= renderAll());
}

async function renderAll(): Promise<Record<ElementName, string>> {
  const dataset = readFileSync(join(root, 'data/overseas-police-stations.json'), 'utf8');
  const out = {} as Record<ElementName, string>;
  for (const name of ELEMENT_NAMES) {
    out[name] = await renderWidget(name, {}, dataset, { dataUrl: `${ASSETS_TOKEN}data/overseas-police-stations.json`, embedData: false });
  }
  return out;
}

/** dist/prerendered/<widget>.html for each element whose registry entry names one. */
export async function writePrerendered(dist: string): Promise<void> {
  const views = await defaultViews();
  for (const name of ELEMENT_NAMES) {
    const file = ELEMENTS[name].prerendered;
    if (!file) continue;
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), views[name]);
  }
}
