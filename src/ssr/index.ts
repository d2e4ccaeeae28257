/**
 * Server rendering (`overseas-police-stations/ssr`, Node): a widget's HTML as the browser would
 * draw it, in a declarative shadow root, for Astro, Eleventy, Next.js, the embed pages and the
 * WordPress plugin's build. `@lit-labs/ssr` renders the real elements; the page then shows the
 * widget before any script runs, and ops.js (or the element's module) takes it over once its
 * code is in, without asking for the data again:
 *
 *   import { renderWidget } from 'overseas-police-stations/ssr';
 *   const html = await renderWidget('ops-country-table', { sort: 'stations' }, dataset);
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { attributesOf, elementName, ELEMENT_NAMES, ELEMENTS, type Accepts } from '../elements.js';
import { DatasetError, logSkipped, parseDatasetText } from '../data/errors.js';
import { validateDataset } from '../data/validate.js';
import { loadLocale, uiLangFor } from '../shared/locales.js';
import { DEFER_HYDRATION, renderFrom } from '../shared/ops-element.js';
import { loadBasemap } from '../components/station-map/basemap.js';
import { escapeHtml, fallbackHtml } from './fallback.js';
import { withServerDocument } from './svg-document.js';
import '../index.js';

export type WidgetAttributes = Record<string, string | boolean | number | null | undefined>;

export interface RenderOptions {
  /**
   * The width (CSS px) the widget is drawn for where its drawing depends on it (the timeline's
   * and the map's), e.g. the article column. Default 640. The browser redraws at the real width.
   */
  width?: number;
  /**
   * Where the dataset is published, absolute or relative to the page (`/data/overseas-police-stations.json`):
   * the credit line links its methodology from there, as when a widget loads it.
   */
  dataUrl?: string;
  /**
   * Whether the dataset goes in the page (default true): the browser then asks for nothing. With
   * false, it fetches the widget's `src` (or the dataset beside the script) before taking over,
   * one request for all the widgets of a page that share it.
   */
  embedData?: boolean;
}

function accepts(rule: Accepts, value: string): boolean {
  if (rule.type === 'boolean' || rule.type === 'url') return true;
  if (rule.type === 'enum') return rule.values.includes(value);
  return new RegExp(`^(?:${rule.pattern})$`).test(value);
}

/** The attributes as they will stand on the tag (booleans present or absent), each checked against the registry. */
function checkedAttributes(tag: string, name: Parameters<typeof attributesOf>[0], given: WidgetAttributes): Record<string, string> {
  const allowed = attributesOf(name);
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(given)) {
    if (raw === undefined || raw === null || raw === false) continue;
    const rule = allowed[key];
    if (!rule) throw new TypeError(`renderWidget: <${tag}> has no attribute "${key}"; it takes ${Object.keys(allowed).join(', ')}`);
    const value = raw === true ? '' : String(raw);
    if (rule.type !== 'boolean' && !accepts(rule, value)) throw new TypeError(`renderWidget: <${tag}> ${key}="${value}" is not a value it accepts`);
    out[key] = value;
  }
  return out;
}

/**
 * JSON inside <script>: only "</script" and "<!--" could end or upset it, and a JSON string may
 * write "<" as \u003c. Other bytes are kept as they are, so that the bundled file stays byte for
 * byte the same and the browser recognises it by its SHA-256 (no second check of every record).
 */
function scriptSafeJson(text: string): string {
  return text.replace(/<(?=\/script|!--)/gi, '\\u003c');
}

/**
 * Renders one widget to HTML: the element's tag with `defer-hydration`, its shadow root as
 * declarative shadow DOM (`<template shadowrootmode="open">`, styles included), and in its light
 * DOM a plain-HTML fallback for feed readers and the dataset (as JSON) the browser takes over from.
 *
 * @param tag `ops-country-table` or `country-table` (any of the four).
 * @param attributes The attributes the tag would carry (`{ lang: 'zh-Hans', rows: 5, plain: true }`).
 * @param dataset The dataset, as an object or as the JSON text (the text of the bundled file
 *   lets the browser skip re-checking it). A structural problem throws the widgets' own message;
 *   records with problems are skipped and logged, as in the browser.
 */
export async function renderWidget(tag: string, attributes: WidgetAttributes = {}, dataset: unknown, options: RenderOptions = {}): Promise<string> {
  const name = elementName(tag);
  if (!name) throw new TypeError(`renderWidget: "${tag}" is not one of ${ELEMENT_NAMES.map((n) => ELEMENTS[n].tag).join(', ')}`);
  const element = ELEMENTS[name].tag;
  const attrs = checkedAttributes(element, name, attributes);
  const text = typeof dataset === 'string' ? dataset : JSON.stringify(dataset);
  let valid;
  try {
    valid = validateDataset(typeof dataset === 'string' ? parseDatasetText(dataset) : dataset);
  } catch (error) {
    if (error instanceof DatasetError) throw new DatasetError(`renderWidget: ${error.reason}`, error.url, error.status);
    throw error;
  }
  if (valid.skipped.length) logSkipped(valid, 'renderWidget');
  // Server and browser draw from the same object, so the browser's first render is the server's.
  const loaded = renderFrom({ ...valid, origin: options.dataUrl ? { kind: 'url', url: options.dataUrl } : { kind: 'inline' } });
  const geo = name === 'station-map' ? await loadBasemap() : undefined;
  const width = options.width ?? 640;
  const lang = uiLangFor(attrs.lang);
  // Every language but English is a chunk: the server renders once, synchronously, so it loads it first.
  await loadLocale(lang);

  const open = [element, ...Object.entries(attrs).map(([k, v]) => (v === '' ? k : `${k}="${escapeHtml(v)}"`)), DEFER_HYDRATION].join(' ');
  const script = options.embedData === false ? '' : `<script type="application/json" data-ops-dataset${options.dataUrl ? ` data-url="${escapeHtml(options.dataUrl)}"` : ''}>${scriptSafeJson(text)}</script>`;
  const light = fallbackHtml(name, loaded.dataset, attrs, lang) + script;
  const template = html`<${unsafeStatic(open)} .data=${loaded.dataset} .width=${width} .geo=${geo ?? null}>${unsafeHTML(light)}</${unsafeStatic(element)}>`;
  return withServerDocument(() => collectResultSync(render(template)));
}
