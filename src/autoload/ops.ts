/**
 * The one-tag script (dist/ops.js): a small classic script that loads an
 * element's chunk only when its tag appears on the page. Chunk URLs resolve
 * against this script's own URL, so the folder can live on any host or CDN.
 */
import { ASSETS_TOKEN, DEFER_HYDRATION, ELEMENT_NAMES, EMBEDDED_DATASET, ELEMENTS, reservedHeightCss, type ElementName } from '../elements.js';
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
  if (el.querySelector(`:scope > ${EMBEDDED_DATASET}`)) return;
  const src = el.getAttribute('src');
  hint(dataUrl(el), 'fetch');
  // Another dataset is checked record by record: its checks download alongside it.
  if (src) for (const file of VALIDATOR) hint(new URL(file, base).href, 'modulepreload');
}

/**
 * Attributes that leave a widget in its default view: with only these (and an English page, as
 * the build-time render is in English, with English dates), the build-time render is what the
 * widget will draw.
 */
const NEUTRAL = /^(class|id|style|slot|title|theme|group|data-.+|aria-.+)$/;
const ENGLISH = /^en(-US)?$/i;

function showsDefaultView(el: Element): boolean {
  if (el.shadowRoot || [...el.attributes].some((a) => !NEUTRAL.test(a.name))) return false;
  const lang = el.closest('[lang]')?.getAttribute('lang');
  return !lang || ENGLISH.test(lang);
}

/** Build-time renders asked for, by element name. */
const views = new Map<ElementName, Promise<DocumentFragment | undefined>>();

/**
 * The element's default view, rendered at build time (registry: `prerendered`), parsed into a
 * fragment whose styles are constructed sheets: a Content-Security-Policy that refuses inline
 * styles allows those, as it allows the widget's own. Undefined where it cannot be had (missing
 * file, Trusted Types, an older browser): the widget then simply draws when its code is in.
 */
function defaultView(name: ElementName): Promise<DocumentFragment | undefined> {
  let view = views.get(name);
  if (!view) {
    view = fetch(new URL(ELEMENTS[name].prerendered!, base).href, { credentials: 'same-origin', priority: 'high' } as RequestInit)
      .then((response) => (response.ok ? response.text() : undefined))
      .then((html) => {
        if (!html) return undefined;
        const doc = new DOMParser().parseFromString(html.replaceAll(ASSETS_TOKEN, base.href), 'text/html');
        const template = doc.querySelector<HTMLTemplateElement>(`${ELEMENTS[name].tag} > template[shadowrootmode]`);
        // One shadow root only: nested ones would need the parser's declarative shadow DOM.
        if (!template || template.content.querySelector('template[shadowrootmode]')) return undefined;
        return template.content;
      })
      .catch(() => undefined);
    views.set(name, view);
  }
  return view;
}

/**
 * Shows the build-time render in a widget whose code has not arrived: the element takes it over
 * as it takes over a server's HTML (defer-hydration), in one task once its data is in, so the
 * reader sees the table at once and no change when the code runs.
 */
function showDefaultView(name: ElementName, elements: HTMLCollectionOf<Element>): Promise<void> | undefined {
  if (!ELEMENTS[name].prerendered || typeof DOMParser === 'undefined' || !('adoptedStyleSheets' in ShadowRoot.prototype)) return undefined;
  if (![...elements].some(showsDefaultView)) return undefined;
  return defaultView(name).then((content) => {
    if (!content || customElements.get(ELEMENTS[name].tag)) return;
    for (const el of elements) {
      if (!showsDefaultView(el)) continue;
      try {
        const view = document.importNode(content, true);
        const sheets = [...view.querySelectorAll('style')].map((style) => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(style.textContent ?? '');
          style.remove();
          return sheet;
        });
        const root = el.attachShadow({ mode: 'open' });
        root.adoptedStyleSheets = sheets;
        root.append(view);
        el.setAttribute(DEFER_HYDRATION, '');
        // The code failed before this arrived: the copy covers the line unavailable() wrote.
        if (failed.has(name)) savedCopyNote(root);
      } catch {
        // The page's own script attached a shadow root, or styles cannot be constructed: the widget draws when its code is in.
      }
    }
  });
}

/** A build-time render whose code could not be loaded stays, and says it is a copy that cannot be sorted or searched. */
function savedCopyNote(root: ShadowRoot): void {
  if (root.querySelector('[part="unavailable"]')) return;
  const note = document.createElement('p');
  note.setAttribute('part', 'unavailable');
  note.setAttribute('role', 'note');
  note.style.cssText = 'margin:0.5em 0 0;font-size:0.875em';
  note.textContent = 'This is a saved copy: the interactive version could not be loaded.';
  root.append(note);
}

/** Elements whose code could not be loaded: not asked for again on every change to the page. */
const failed = new Set<ElementName>();

/**
 * The first Intl object of a page loads the browser's locale data (20 – 60 ms), whichever kind it
 * is. Made here, in the task after the requests went out, it is done while the code and the
 * dataset download, instead of after they arrived, before the first render.
 */
let intlWarmed = false;
function warmIntl(el: Element, after: Promise<void> = Promise.resolve()): void {
  if (intlWarmed) return;
  intlWarmed = true;
  const lang = el.closest('[lang]')?.getAttribute('lang') || undefined;
  // After a build-time view is on screen: the locale data must not hold it back.
  void after.then(() => setTimeout(() => {
    try {
      new Intl.DateTimeFormat(lang, { timeZone: 'UTC', month: 'long' }).format(0);
    } catch {
      // A malformed lang: the widget reports it.
    }
  }));
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
  if (el.hasAttribute(DEFER_HYDRATION) && el.shadowRoot && !customElements.get(el.localName)) {
    savedCopyNote(el.shadowRoot);
    return;
  }
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

/**
 * Until the page's first frame, only the first kind of widget on the page loads (the one a reader
 * meets first, in document order): its code and data get the connection and the main thread to
 * themselves, and the article paints before the code of widgets further down is fetched and run.
 * The others follow right after that frame; nothing waits for scrolling (a printed page is whole).
 */
let first: ElementName | undefined;
let painted = false;
function release(): void {
  if (painted) return;
  painted = true;
  scan();
}
requestAnimationFrame(() => setTimeout(release));
// A frame that is never painted (a hidden tab or iframe) must not hold the other widgets back.
setTimeout(release, 200);

function firstKind(): ElementName | undefined {
  let best: Element | undefined;
  let kind: ElementName | undefined;
  for (const [name, elements] of found) {
    const el = elements[0];
    if (el && (!best || best.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)) [best, kind] = [el, name];
  }
  return kind;
}

function scan(): void {
  first ??= firstKind();
  for (const [name, elements] of found) {
    if (!elements.length || (!painted && name !== first)) continue;
    if (failed.has(name)) {
      for (const el of elements) unavailable(el);
      continue;
    }
    const defined = !!customElements.get(ELEMENTS[name].tag);
    // The build-time view first: its request goes out before the code's, and it shows before the code runs.
    const shown = defined ? undefined : showDefaultView(name, elements);
    load(name);
    if (!defined) for (const el of elements) preloadData(el);
    warmIntl(elements[0]!, shown);
  }
}

function start(): void {
  scan();
  // Widgets parsed later in a long page, or added later (lazy-loaded article parts, CMS previews),
  // load too. The callback only reads the live lists above: the page's parsing is not slowed.
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
}

start();
