/**
 * The one-tag script (dist/ops.js): a small classic script that loads an
 * element's chunk only when its tag appears on the page. Chunk URLs resolve
 * against this script's own URL, so the folder can live on any host or CDN.
 */
import { reservedHeightCss } from './shared/reserved-heights.js';

const script = document.currentScript as HTMLScriptElement | null;
const base = new URL('.', script?.src || document.baseURI);

/** Tag → chunk (built by vite.config.ts into dist/chunks/). */
const CHUNKS: Record<string, string> = {
  'ops-country-table': 'chunks/country-table.js',
  'ops-source-card': 'chunks/source-card.js',
  'ops-station-map': 'chunks/station-map.js',
  'ops-repatriation-timeline': 'chunks/repatriation-timeline.js',
};

// Until its code arrives a widget is an empty unknown tag: reserve the height of its first render
// from the first paint, so the article does not jump when it appears. (A constructed stylesheet,
// which a strict Content-Security-Policy allows.)
try {
  const reserve = new CSSStyleSheet();
  reserve.replaceSync(
    Object.keys(CHUNKS)
      .map((tag) => `${tag}:not(:defined){display:block}${reservedHeightCss(tag, `${tag}:not(:defined)`, 'min-height', (h) => `var(--ops-height,${h})`)}`)
      .join(''),
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, reserve];
} catch {
  // Browsers without constructable stylesheets simply lay the widgets out when they arrive.
}

const requested = new Set<string>();

function load(tag: string): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  import(/* @vite-ignore */ new URL(CHUNKS[tag]!, base).href).catch((error: unknown) => {
    requested.delete(tag);
    console.error(`[overseas-police-stations] could not load <${tag}> from ${new URL(CHUNKS[tag]!, base).href}`, error);
  });
}

function scan(root: ParentNode): void {
  for (const tag of Object.keys(CHUNKS)) {
    if (root.querySelector(tag)) load(tag);
  }
}

function start(): void {
  scan(document);
  // Widgets added later (lazy-loaded article parts, CMS previews) load too.
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        const el = node as Element;
        if (el.localName in CHUNKS) load(el.localName);
        scan(el);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

start();
