/**
 * The one-tag script (dist/ops.js): a small classic script that loads an
 * element's chunk only when its tag appears on the page. Chunk URLs resolve
 * against this script's own URL, so the folder can live on any host or CDN.
 */
import { ELEMENT_NAMES, ELEMENTS, reservedHeightCss, type ElementName } from '../elements.js';
import { DATASET_FILE } from '../shared/dataset-file.js';

const script = document.currentScript as HTMLScriptElement | null;
const base = new URL('.', script?.src || document.baseURI);

// Until its code arrives a widget is an empty unknown tag: reserve the height of its first render
// from the first paint, so the article does not jump when it appears. (A constructed stylesheet,
// which a strict Content-Security-Policy allows.)
// A widget whose code could not be loaded is marked data-ops-failed and gives the space back.
try {
  const reserve = new CSSStyleSheet();
  reserve.replaceSync(
    ELEMENT_NAMES.map((name) => {
      // A server-rendered widget (defer-hydration) has its own height already, in its shadow root.
      const selector = `${ELEMENTS[name].tag}:not(:defined):not([defer-hydration])`;
      return `${selector}{display:block}${reservedHeightCss(name, `${selector}:not([data-ops-failed])`, 'min-height', (h) => `var(--ops-height,${h})`)}`;
    }).join(''),
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, reserve];
} catch {
  // Browsers without constructable stylesheets simply lay the widgets out when they arrive.
}

/** Every chunk each element's code imports, at any depth, by element name (from the build: scripts/build.mjs). */
declare const __OPS_ELEMENT_CHUNKS__: Record<ElementName, string[]>;
const IMPORTS = __OPS_ELEMENT_CHUNKS__;
/** The validator's chunks (valibot and the schema): loaded for any dataset but the bundled one. */
declare const __OPS_VALIDATOR_CHUNKS__: string[];
const VALIDATOR = __OPS_VALIDATOR_CHUNKS__;

const requested = new Set<string>();
const hinted = new Set<string>();

function hint(href: string, as: 'modulepreload' | 'fetch'): void {
  if (hinted.has(href)) return;
  hinted.add(href);
  const link = document.createElement('link');
  if (as === 'modulepreload') link.rel = 'modulepreload';
  else {
    link.rel = 'preload';
    link.as = 'fetch';
  }
  // The same request mode and credentials as the import() or fetch() that will use it.
  link.crossOrigin = 'anonymous';
  link.href = href;
  document.head.append(link);
}

/** The dataset a widget will load: its `src`, else the one beside this script. */
function dataUrl(el: Element): string {
  const src = el.getAttribute('src');
  return src ? new URL(src, document.baseURI).href : new URL(DATASET_FILE, base).href;
}

/**
 * The dataset a widget will load, requested now so it downloads while the element's code does.
 * A widget given `.data` instead loads nothing.
 */
function preloadData(el: Element): void {
  // A server-rendered widget carries its dataset in the page.
  if (el.querySelector(':scope > script[data-ops-dataset]')) return;
  const src = el.getAttribute('src');
  hint(dataUrl(el), 'fetch');
  // Another dataset is checked record by record: its checks download alongside it.
  if (src) for (const file of VALIDATOR) hint(new URL(file, base).href, 'modulepreload');
}

/** Elements whose code could not be loaded: not asked for again on every change to the page. */
const failed = new Set<ElementName>();

/**
 * The first Intl object of a page loads the browser's locale data (20 – 60 ms), whichever kind it
 * is. Made here, in the task after the requests went out, it is done while the code and the
 * dataset download, instead of after they arrived, before the first render.
 */
let intlWarmed = false;
function warmIntl(el: Element): void {
  if (intlWarmed) return;
  intlWarmed = true;
  const lang = el.closest('[lang]')?.getAttribute('lang') || undefined;
  setTimeout(() => {
    try {
      new Intl.DateTimeFormat(lang, { timeZone: 'UTC', month: 'long' }).format(0);
    } catch {
      // A malformed lang: the widget reports it.
    }
  });
}

function load(name: ElementName): void {
  const { tag, chunk } = ELEMENTS[name];
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  for (const file of [...IMPORTS[name], ...(ELEMENTS[name].alongside ?? [])]) hint(new URL(file, base).href, 'modulepreload');
  const url = new URL(chunk, base).href;
  import(/* @vite-ignore */ url).catch((error: unknown) => {
    failed.add(name);
    // A browser reports a module refused for want of CORS headers like any network error.
    const origin = new URL(url).origin;
    const fix =
      origin !== location.origin
        ? `the files are on another origin (${origin}) than this page: serve them with "Access-Control-Allow-Origin: *" (or this page's origin), or copy them to this site`
        : 'check that the files are at that address, and that no Content-Security-Policy (script-src) or browser extension blocks them';
    console.error(`[overseas-police-stations] could not load <${tag}> from ${url}. Likely fix: ${fix}.`, error);
    scan();
  });
}

/**
 * Never an empty reserved box: the page's own content inside the tag stays (it shows once the
 * reserved height is given back), or, where there is none, a line with a link to the data itself.
 */
function unavailable(el: Element): void {
  if (el.hasAttribute('data-ops-failed')) return;
  el.setAttribute('data-ops-failed', '');
  if ([...el.childNodes].some((n) => n.nodeType === Node.ELEMENT_NODE || (n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))) return;
  const link = document.createElement('a');
  link.href = dataUrl(el);
  link.textContent = 'Open the data (JSON)';
  const line = document.createElement('p');
  line.append('This graphic could not be loaded. ', link, '.');
  el.append(line);
}

/** Live lists of each tag in the document: checking them costs nothing, however large the page. */
const found = ELEMENT_NAMES.map((name) => [name, document.getElementsByTagName(ELEMENTS[name].tag)] as const);

function scan(): void {
  for (const [name, elements] of found) {
    if (!elements.length) continue;
    if (failed.has(name)) {
      for (const el of elements) unavailable(el);
      continue;
    }
    load(name);
    if (!customElements.get(ELEMENTS[name].tag)) for (const el of elements) preloadData(el);
    warmIntl(elements[0]!);
  }
}

function start(): void {
  scan();
  // Widgets parsed later in a long page, or added later (lazy-loaded article parts, CMS previews),
  // load too. The callback only reads the live lists above: the page's parsing is not slowed.
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
}

start();
