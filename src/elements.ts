/**
 * The one registry of elements: each element's tag, entry module, built chunk and reserved
 * height, and the attributes a page may set, with what each accepts. The one-tag script,
 * the frame page, the build and the elements themselves all read it; `elementsJson()` gives the
 * same description as plain data, written by the build to dist/elements.json.
 *
 * No imports: the build (Node) and the one-tag script read this module without pulling in any
 * element code.
 */

/** What an attribute accepts. Checked by the frame page before an attribute from its URL is set. */
export type Accepts =
  /** Present or absent; any value means present. */
  | { type: 'boolean' }
  /** One of these words (compared case-sensitively, as the elements compare them). */
  | { type: 'enum'; values: readonly string[] }
  /** Text matching this regular expression (JavaScript syntax, whole value). */
  | { type: 'pattern'; pattern: string }
  /** An http(s) URL, relative or absolute; the frame page takes only its own origin's. */
  | { type: 'url' };

export interface ElementSpec {
  /** The custom-element name. */
  tag: string;
  /** The source file that defines the tag (also the npm entry). */
  module: string;
  /** The built ES module ops.js imports, relative to dist/. */
  chunk: string;
  /** Further files the element asks for as soon as it runs: fetched alongside its chunk. */
  alongside?: readonly string[];
  /**
   * The height of its first render with the bundled dataset, reserved while it loads (and by
   * ops.js before it is defined), so the article does not jump; `narrow` applies below NARROW.
   */
  height: { wide: string; narrow?: string };
  /**
   * Its default view rendered at build time (relative to dist/), which ops.js shows at once while
   * the code and the dataset download; the element then takes over that HTML as it takes over a
   * server's. Only for an element whose render is the same at every width: the map's clusters
   * and the timeline's layout are chosen for the width the browser gives them.
   */
  prerendered?: string;
}

const ID: Accepts = { type: 'pattern', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$' };
const COUNTRY: Accepts = { type: 'pattern', pattern: '^[A-Za-z]{2}$' };
const DATE: Accepts = { type: 'pattern', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' };
const BOOLEAN: Accepts = { type: 'boolean' };

/** Attributes every element takes (see OpsElement). */
export const COMMON_ATTRIBUTES: Readonly<Record<string, Accepts>> = {
  src: { type: 'url' },
  lang: { type: 'pattern', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
  theme: { type: 'enum', values: ['light', 'dark', 'auto'] },
  plain: BOOLEAN,
  group: { type: 'pattern', pattern: '^[A-Za-z0-9_-]{1,64}$' },
  // A JSON file of UI strings; in a frame, only from the frame's own origin (like src).
  strings: { type: 'url' },
};

const REGISTRY = {
  'station-map': {
    tag: 'ops-station-map',
    module: 'src/components/station-map/define.ts',
    chunk: 'chunks/station-map.js',
    alongside: ['chunks/basemap-110m.js'],
    // Title and summary, the region buttons, the map (width ÷ 1.91; on phones ÷ 1.2, opening on Europe), legend and buttons.
    height: { wide: 'calc(min(100vw, 44rem) / 1.91 + 19.5rem)', narrow: 'calc(100vw / 1.2 + 26rem)' },
  },
  'country-table': {
    tag: 'ops-country-table',
    module: 'src/components/country-table/define.ts',
    chunk: 'chunks/country-table.js',
    // Ten rows, the search and the credit line: 1244 px at a column of 672 px and more; as cards
    // on phones, 1472 px at 414 px and taller on narrower screens (1565 at 360: the smallest is kept,
    // so the space never shrinks when the table arrives).
    height: { wide: '77.75rem', narrow: '92rem' },
    prerendered: 'prerendered/country-table.html',
  },
  'repatriation-timeline': {
    tag: 'ops-repatriation-timeline',
    module: 'src/components/repatriation-timeline/define.ts',
    chunk: 'chunks/repatriation-timeline.js',
    // Vertical on phones, so much taller there.
    height: { wide: '41rem', narrow: '110rem' },
  },
  'source-card': {
    tag: 'ops-source-card',
    module: 'src/components/source-card/define.ts',
    chunk: 'chunks/source-card.js',
    // One source's card: 119 px at a 672 px column, 207 px on a 360 px phone (the text wraps), a
    // little under each so the space only grows; a country's list of sources is far longer.
    height: { wide: '7rem', narrow: '12rem' },
  },
} satisfies Record<string, ElementSpec>;

export type ElementName = keyof typeof REGISTRY;

/** Keyed by short name (the frame page's `widget=` value, the chunk's and the npm entry's name). */
export const ELEMENTS: Readonly<Record<ElementName, ElementSpec>> = REGISTRY;

export const ELEMENT_NAMES = Object.keys(ELEMENTS) as ElementName[];

/**
 * The attributes a page may set on each element, beyond the common ones, and what each accepts
 * (the frame page's allow-list). Apart from ELEMENTS so that ops.js, which needs none of this,
 * does not carry it.
 */
export const ATTRIBUTES: Readonly<Record<ElementName, Readonly<Record<string, Accepts>>>> = {
  'station-map': {
    country: COUNTRY,
    bureau: ID,
    autoload: BOOLEAN,
    static: BOOLEAN,
    basemap: { type: 'url' },
  },
  'country-table': {
    sort: { type: 'enum', values: ['country', 'stations', 'bureaus', 'response', 'sources'] },
    direction: { type: 'enum', values: ['ascending', 'descending'] },
    rows: { type: 'pattern', pattern: '^[1-9][0-9]{0,2}$' },
    static: BOOLEAN,
  },
  'repatriation-timeline': {
    from: DATE,
    to: DATE,
    kinds: { type: 'pattern', pattern: '^[a-z, ]{0,200}$' },
    country: COUNTRY,
  },
  'source-card': { source: ID, for: ID },
};

/**
 * How each element is named where it cannot run or is only linked to: the iframe's and the oEmbed
 * answer's title, and the fallback sentence the WordPress plugin puts inside the tag.
 */
export const TEXT: Readonly<Record<ElementName, { title: string; fallback: string }>> = {
  'station-map': {
    title: 'Map of reported Chinese overseas police stations',
    fallback: 'A map of the overseas police “service stations” China is reported to run.',
  },
  'country-table': {
    title: 'Reported Chinese overseas police stations, by country',
    fallback: 'A table of the overseas police “service stations” China is reported to run, country by country, with what each host government did.',
  },
  'repatriation-timeline': {
    title: 'Timeline of repatriations and responses',
    fallback: 'A timeline of people reported pressured or forced to return to China, and of what host governments did.',
  },
  'source-card': { title: 'Source', fallback: 'The sources behind this graphic are listed in the data file.' },
};

/** The attribute a server-rendered widget carries until its data is in and it has rendered over the server's HTML. */
export const DEFER_HYDRATION = 'defer-hydration';

/** The dataset a server wrote into the page with a widget it rendered (renderWidget), as a child of the widget's tag. */
export const EMBEDDED_DATASET = 'script[type="application/json"][data-ops-dataset]';

/**
 * Stands for the folder of ops.js and the chunks (the URL of dist/, or of the WordPress plugin's
 * assets/) in the build-time renders: ops.js and the plugin's PHP write the real one.
 */
export const ASSETS_TOKEN = '__OPS_ASSETS__/';

/** Where the narrow heights apply (the timeline turns vertical below 600 px of its own width). */
export const NARROW = '(max-width: 640px)';

/** `country-table` or `ops-country-table` (any case, spaces around) → `country-table`; anything else → null. */
export function elementName(name: string | null | undefined): ElementName | null {
  if (!name) return null;
  const short = name.trim().toLowerCase().replace(/^ops-/, '');
  return Object.hasOwn(ELEMENTS, short) ? (short as ElementName) : null;
}

/** Every attribute a page may set on this element (the common ones first), with what each accepts. */
export function attributesOf(name: ElementName): Readonly<Record<string, Accepts>> {
  return { ...COMMON_ATTRIBUTES, ...ATTRIBUTES[name] };
}

/** CSS setting `property` to the element's reserved height on `selector`, wide and narrow. */
export function reservedHeightCss(name: ElementName, selector: string, property: string, value = (height: string) => height): string {
  const { wide, narrow } = ELEMENTS[name].height;
  const rule = (height: string) => `${selector}{${property}:${value(height)}}`;
  return `${rule(wide)}${narrow ? `@media ${NARROW}{${rule(narrow)}}` : ''}`;
}

/** The registry as plain data (dist/elements.json), for tools that do not run TypeScript. */
export function elementsJson() {
  return {
    narrow: NARROW,
    commonAttributes: COMMON_ATTRIBUTES,
    elements: Object.fromEntries(ELEMENT_NAMES.map((name) => [name, { ...ELEMENTS[name], ...TEXT[name], attributes: ATTRIBUTES[name] }])),
  };
}
