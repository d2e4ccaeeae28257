// The oEmbed route: one page per widget, dist/embed/<widget>/index.html, made from the iframe
// page (embed/index.html) with the widget named in the page, and, when the public URL of dist/
// is known, a <link rel="alternate" type="application/json+oembed"> to a static oembed.json beside it.
//
//   OPS_PUBLIC_URL=https://cdn.example/overseas-police-stations/ npm run build
//   tsx scripts/embed-pages.ts --base https://cdn.example/overseas-police-stations/ [--dist DIR]
//
// Consumers (WordPress among them) read the discovery link without resolving relative URLs, and
// put the JSON's html into other sites' pages, so both need absolute URLs: without a base the
// pages are written without discovery.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { elements, heightPx, type ElementInfo } from './lib-elements.js';
import { renderWidget } from '../src/ssr/index.js';

const root = resolve(import.meta.dirname, '..');
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
/** The width the static oEmbed answer describes (consumers scale a rich embed to their column). */
const WIDTH = 600;
/** WordPress clamps a frame's height to 200–1000 px: the JSON's height stays inside that. */
const MAX_HEIGHT = 1000;
/**
 * Attributes of a widget's framed view, under that cap: ten table rows run past 1000 px in a
 * 600 px column, five fit with the search and credit line; the rest is one "Show all" away
 * (then the frame scrolls inside). A query string on the page still overrides them.
 */
const FRAME_DEFAULTS: Partial<Record<string, string>> = { 'country-table': 'rows=5' };

function replaceOnce(html: string, from: string, to: string): string {
  if (!html.includes(from)) throw new Error(`embed/index.html no longer contains ${JSON.stringify(from)}: update scripts/embed-pages.ts`);
  return html.replace(from, to);
}

/** The credit line the widgets show, for the plain link consumers keep when they drop the frame. */
function credit(): string {
  return JSON.parse(readFileSync(join(root, 'data/overseas-police-stations.json'), 'utf8')).meta.credit as string;
}

/** The width the default view is rendered for (the column of the static oEmbed answer). */
const RENDER_WIDTH = WIDTH;

const decodeAttribute = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The page's Content-Security-Policy allows only its own style sheets: the rendered widget's
 * <style> elements and style="" attributes are allowed by their hashes (CSP 3 'unsafe-hashes' for
 * attributes), nothing else inline.
 */
function styleHashes(rendered: string): string {
  const hashes = new Set<string>();
  for (const [, css] of rendered.matchAll(/<style>([^]*?)<\/style>/g)) hashes.add(sha256(css!));
  const attributes = [...rendered.matchAll(/\sstyle="([^"]*)"/g)].map(([, v]) => decodeAttribute(v!));
  for (const value of attributes) hashes.add(sha256(value));
  return `${attributes.length ? "'unsafe-hashes' " : ''}${[...hashes].join(' ')}`;
}

/** The widget's default view (with the page's frame defaults), rendered, for the page's <main>. */
export async function renderedDefault(name: string): Promise<string> {
  const attributes = Object.fromEntries(new URLSearchParams(FRAME_DEFAULTS[name] ?? ''));
  const dataset = readFileSync(join(root, 'data/overseas-police-stations.json'), 'utf8');
  return renderWidget(name, attributes, dataset, { width: RENDER_WIDTH, dataUrl: '../../data/overseas-police-stations.json' });
}

/** dist/embed/<name>/index.html: the iframe page one level down, its widget fixed, and the discovery link when `base` is given. */
export function embedPage(name: string, info: ElementInfo, base?: string, rendered?: string): string {
  let html = readFileSync(join(root, 'embed/index.html'), 'utf8');
  // The frame's few rules in the page, allowed by their hash: no stylesheet to wait for before the
  // first paint (a request the pre-rendered widget would otherwise sit behind).
  const frameCss = readFileSync(join(root, 'embed/frame.css'), 'utf8');
  html = replaceOnce(html, '<link rel="stylesheet" href="frame.css" />', `<style>${frameCss}</style>`);
  html = replaceOnce(html, "style-src 'self';", `style-src 'self' ${sha256(frameCss)};`);
  html = replaceOnce(html, 'src="../ops.js"', 'src="../../ops.js"');
  html = replaceOnce(html, 'src="frame.js"', 'src="../frame.js"');
  html = html.replaceAll('href="../data/', 'href="../../data/');
  html = html.replace(/<title>[^<]*<\/title>/, `<title>${escape(info.title)}</title>`);
  if (base) {
    html = replaceOnce(
      html,
      '<link rel="icon"',
      `<link rel="alternate" type="application/json+oembed" href="${escape(new URL(`embed/${name}/oembed.json`, base).href)}" title="${escape(info.title)}" />\n    <link rel="icon"`,
    );
  }
  const defaults = FRAME_DEFAULTS[name] ? ` data-defaults="${escape(FRAME_DEFAULTS[name])}"` : '';
  html = replaceOnce(html, '<main id="widget">', `<main id="widget" data-widget="${name}"${defaults}>`);
  if (!rendered) return html;
  // The rendered widget in place of the "needs JavaScript" note: it shows before any script runs.
  html = html.replace(/<main id="widget"([^>]*)>[^]*?<\/main>/, (_, attrs: string) => `<main id="widget"${attrs}>${rendered}</main>`);
  return replaceOnce(html, "style-src 'self' ", `style-src 'self' ${styleHashes(rendered)} `);
}

/**
 * The static oEmbed answer: the default view of the widget (options such as a country belong in
 * the frame's query string or the WordPress plugin). Its html is a blockquote with a plain link,
 * then the frame: WordPress keeps exactly that shape from a provider it does not know, shows the
 * link until the frame reports its height, and drops anything after the iframe.
 */
export function oembedJson(name: string, info: ElementInfo, base: string): string {
  const page = new URL(`embed/${name}/`, base).href;
  const height = Math.min(heightPx(info.height, WIDTH), MAX_HEIGHT);
  const title = escape(info.title);
  const html =
    `<blockquote><a href="${escape(page)}">${title} (${escape(credit())})</a></blockquote>` +
    `<iframe src="${escape(page)}" width="100%" height="${height}" title="${title}" frameborder="0"></iframe>`;
  return `${JSON.stringify({ version: '1.0', type: 'rich', title: info.title, provider_name: 'Overseas police stations', provider_url: base, width: WIDTH, height, html }, null, 2)}\n`;
}

export async function writeEmbedPages(dist: string, base?: string): Promise<void> {
  for (const [name, info] of Object.entries(elements())) {
    const dir = join(dist, 'embed', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), embedPage(name, info, base, await renderedDefault(name)));
    if (base) writeFileSync(join(dir, 'oembed.json'), oembedJson(name, info, base));
  }
  console.log(
    base
      ? `embed pages with oEmbed discovery for ${base} in ${join(dist, 'embed')}/<widget>/`
      : 'embed pages in dist/embed/<widget>/ without oEmbed discovery: set OPS_PUBLIC_URL to the URL dist/ is served from',
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const { values } = parseArgs({ options: { base: { type: 'string' }, dist: { type: 'string' } } });
  const base = values.base ?? process.env.OPS_PUBLIC_URL;
  if (base && !/^https?:\/\/[^/]+\/(.*\/)?$/.test(base)) throw new Error(`the base URL must be absolute and end with "/": ${base}`);
  await writeEmbedPages(resolve(values.dist ?? process.env.OPS_OUT ?? 'dist'), base || undefined);
}
