/**
 * Which languages there are UI strings for, and where each comes from: English is in the
 * elements' own code; every other shipped language, Chinese included, is one chunk
 * (src/locales/<lang>.ts), loaded only by pages in that language; a page adds or overrides
 * any language with `OpsElement.addLocale()` or a `strings` file. Each table section is made on
 * first use from English and what the language has, key by key, so a missing key shows English
 * (and the console names it) rather than a hole.
 */
import type { CardStrings } from '../components/source-card/strings.js';
import type { MapStrings } from '../components/station-map/strings.js';
import type { TableStrings } from '../components/country-table/strings.js';
import type { TimelineStrings } from '../components/repatriation-timeline/strings.js';
import { plural, resolveLang, type UiLang } from './intl.js';
import type { Strings } from './strings.js';

/** Every UI string: the shared ones at the top, each element's own under its key. */
export type AllStrings = Strings & { map: MapStrings; table: TableStrings; timeline: TimelineStrings; card: CardStrings };
export type Section = 'shared' | 'map' | 'table' | 'timeline' | 'card';
export const SECTIONS: readonly Exclude<Section, 'shared'>[] = ['map', 'table', 'timeline', 'card'];

/** Plural forms of a string, chosen by Intl.PluralRules with the first number among its arguments. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * What a page may give for a language: any subset of the keys. A string that takes values may be
 * a function (from a module), or text with `{1}`, `{2}` … for its arguments in order, or
 * `{name}` for a field of its one object argument (as in dist/strings-template.json), or plural
 * forms of such text.
 */
export type LocaleStrings = Loose<AllStrings>;
type Loose<T> = T extends (...args: infer A) => string
  ? ((...args: A) => string) | string | PluralForms
  : T extends string
    ? string
    : { [K in keyof T]?: Loose<T[K]> };

/** Languages built into the elements' code: English only, the fallback of every key. */
export const BUILT_IN = ['en'] as const;
export type BuiltInLang = (typeof BUILT_IN)[number];

/** The shipped languages kept in chunks of their own; one is fetched only by a page in it. */
const CHUNKS: Readonly<Record<string, () => Promise<{ default: AllStrings }>>> = {
  de: () => import('../locales/de.js'),
  es: () => import('../locales/es.js'),
  fr: () => import('../locales/fr.js'),
  it: () => import('../locales/it.js'),
  ja: () => import('../locales/ja.js'),
  ko: () => import('../locales/ko.js'),
  nl: () => import('../locales/nl.js'),
  'pt-BR': () => import('../locales/pt-BR.js'),
  'pt-PT': () => import('../locales/pt-PT.js'),
  'zh-Hans': () => import('../locales/zh-Hans.js'),
  'zh-Hant': () => import('../locales/zh-Hant.js'),
};
export const CHUNK_LANGS = Object.keys(CHUNKS);

/** Where only regional tables exist: Portuguese outside Brazil reads European Portuguese. */
const FALLBACKS: Readonly<Record<string, string>> = { pt: 'pt-PT' };

const fromChunks = new Map<string, AllStrings>();
const pending = new Map<string, Promise<void>>();
const CHUNK_FAILED = new Set<string>();
const added = new Map<string, Record<string, unknown>[]>();
const listeners = new Set<() => void>();
const available = new Set<string>([...BUILT_IN, ...CHUNK_LANGS]);
/** Bumped whenever a table changes, so sections made before are made again. */
let generation = 0;

/** The language a page's `lang` tag gets strings in (see resolveLang). */
export function uiLangFor(tag: string | null | undefined): UiLang {
  return resolveLang(tag, available, FALLBACKS);
}

/**
 * The tag a widget formats in and looks its strings up by: the page's own tag where its strings
 * are in the same language (fr-CA, en-GB, es-419 keep their own dates and numbers through Intl),
 * else the language it gets strings in (a Swedish page without Swedish strings reads English
 * throughout, not English words around Swedish dates).
 */
export function readerLang(tag: string | null | undefined): UiLang {
  const strings = uiLangFor(tag);
  const own = tag ? canonicalTag(tag) : null;
  if (!own || own === strings) return strings;
  try {
    return new Intl.Locale(own).language === new Intl.Locale(strings).language ? own : strings;
  } catch {
    return strings;
  }
}

const TABLE_LANGS = new Set<string>([...BUILT_IN, ...CHUNK_LANGS]);
const chains = new Map<string, { generation: number; table: string; layers: string[] }>();

/**
 * Where a tag's strings come from: the shipped table it resolves to (fr-CA → fr), and the tags
 * added with addLocale that it resolves through, general first (fr, then fr-CA).
 */
function chainOf(lang: UiLang): { table: string; layers: string[] } {
  let chain = chains.get(lang);
  if (!chain || chain.generation !== generation) {
    const layers = [...added.keys()]
      .filter((tag) => resolveLang(lang, new Set([tag]), FALLBACKS) === tag)
      .sort((a, b) => a.split('-').length - b.split('-').length);
    chains.set(lang, (chain = { generation, table: resolveLang(lang, TABLE_LANGS, FALLBACKS), layers }));
  }
  return chain;
}

/** A tag as Intl writes it ('PT-br' → 'pt-BR'), or null when it is not a language tag. */
export function canonicalTag(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Adds strings for a language, or replaces some of a language's strings; later calls win, key by
 * key. Keys the language lacks show English, and the console names them.
 */
export function addLocale(lang: string, strings: LocaleStrings): void {
  const tag = canonicalTag(lang);
  if (!tag || !strings || typeof strings !== 'object') {
    console.warn(`[overseas-police-stations] addLocale: "${lang}" is not a language tag, or its strings are not an object; ignored.`);
    return;
  }
  added.set(tag, [...(added.get(tag) ?? []), strings as Record<string, unknown>]);
  available.add(tag);
  generation++;
  for (const listener of listeners) listener();
}

/** Called after every addLocale (elements re-resolve their language and render again). */
export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** False while a shipped language's chunk is still to be loaded (see loadLocale). */
export function localeReady(lang: UiLang): boolean {
  const { table } = chainOf(lang);
  return !(table in CHUNKS) || fromChunks.has(table) || CHUNK_FAILED.has(table);
}

/** Loads a shipped language's chunk once per page; other languages are ready at once. */
export function loadLocale(tag: UiLang): Promise<void> {
  const lang = chainOf(tag).table;
  const load = CHUNKS[lang];
  if (!load || fromChunks.has(lang)) return Promise.resolve();
  let promise = pending.get(lang);
  if (!promise) {
    promise = load().then(
      (module) => {
        fromChunks.set(lang, module.default);
        generation++;
      },
      (error: unknown) => {
        // English stays; the widget is still usable.
        console.warn(`[overseas-police-stations] The "${lang}" strings could not be loaded; English is shown.`, error);
        pending.delete(lang);
        CHUNK_FAILED.add(lang);
      },
    );
    pending.set(lang, promise);
  }
  return promise;
}
type Tables<S> = { readonly en: S } & Readonly<Partial<Record<string, S>>>;
const made = new Map<string, { generation: number; value: unknown }>();
const warned = new Set<string>();

/**
 * One section of a language's strings: its built-in or shipped table, with what the page added on
 * top, and English for any key neither has.
 */
export function localized<S extends object>(lang: UiLang, section: Section, tables: Tables<S>): S {
  const memoKey = `${lang}\u0000${section}`;
  const memo = made.get(memoKey);
  if (memo && memo.generation === generation) return memo.value as S;
  const english = tables.en;
  const chain = chainOf(lang);
  const chunk = fromChunks.get(chain.table);
  // A language added on top of nothing shipped: English fills its gaps, and they are reported.
  const ownLanguage = chain.table !== 'en' || !chain.layers.some((tag) => !/^en\b/.test(tag));
  const base = ownLanguage ? (tables[chain.table] ?? (chunk && ((section === 'shared' ? chunk : chunk[section]) as unknown as S))) : undefined;
  const layers = chain.layers
    .flatMap((tag) => added.get(tag) ?? [])
    .map((strings) => (section === 'shared' ? strings : strings[section]))
    .filter(isObject);
  let value: S = base ?? english;
  if (layers.length) {
    const missing: string[] = [];
    const unknown: string[] = [];
    value = merge(english, base, layers, lang, section === 'shared' ? '' : `${section}.`, missing, unknown, section === 'shared') as S;
    const report = `${lang} ${section} ${missing.join()} ${unknown.join()}`;
    if ((missing.length || unknown.length) && !warned.has(report)) {
      warned.add(report);
      if (missing.length) console.warn(`[overseas-police-stations] The "${lang}" strings have no ${missing.join(', ')}: English is shown for ${missing.length === 1 ? 'it' : 'them'}.`);
      if (unknown.length) console.warn(`[overseas-police-stations] The "${lang}" strings hold keys no element reads (misspelt?): ${unknown.join(', ')}.`);
    }
  }
  made.set(memoKey, { generation, value });
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** English's shape, each key from the last layer that has it, else the base table, else English. */
function merge(
  english: object,
  base: object | undefined,
  layers: Record<string, unknown>[],
  lang: UiLang,
  path: string,
  missing: string[],
  unknown: string[],
  top: boolean,
): object {
  const out: Record<string, unknown> = {};
  for (const [key, en] of Object.entries(english)) {
    const from = (base as Record<string, unknown> | undefined)?.[key];
    const given = layers.map((layer) => layer[key]).filter((v) => v !== undefined);
    if (isObject(en)) {
      out[key] = merge(en, isObject(from) ? from : undefined, given.filter(isObject), lang, `${path}${key}.`, missing, unknown, false);
      continue;
    }
    const last = given.at(-1);
    const usable = typeof en === 'function' ? compile(last, lang) : typeof last === 'string' ? last : undefined;
    if (usable !== undefined) out[key] = usable;
    else {
      if (from === undefined) missing.push(path + key);
      out[key] = from ?? en;
    }
  }
  for (const layer of layers) {
    for (const key of Object.keys(layer)) {
      if (key.startsWith('$') || key in english || (top && (SECTIONS as readonly string[]).includes(key))) continue;
      if (!unknown.includes(path + key)) unknown.push(path + key);
    }
  }
  return out;
}

/** A function as given, or one made from text (or plural forms of text) with placeholders. */
function compile(value: unknown, lang: UiLang): ((...args: unknown[]) => string) | undefined {
  if (typeof value === 'function') return value as (...args: unknown[]) => string;
  if (typeof value === 'string') return (...args) => fill(value, args);
  if (isObject(value) && typeof value.other === 'string') {
    const forms = value as PluralForms;
    return (...args) => {
      const n = firstNumber(args);
      return fill(n === undefined ? forms.other : plural(lang, n, forms), args);
    };
  }
  return undefined;
}

function firstNumber(args: unknown[]): number | undefined {
  for (const arg of args) {
    if (typeof arg === 'number') return arg;
    if (isObject(arg)) for (const v of Object.values(arg)) if (typeof v === 'number') return v;
  }
  return undefined;
}

/** `{1}` … the arguments in order; `{name}` or `{a.b}` a field of the first argument. */
function fill(text: string, args: unknown[]): string {
  return text.replace(/\{([\w.]+)\}/g, (whole, name: string) => {
    let value: unknown;
    if (/^\d+$/.test(name)) value = args[Number(name) - 1];
    else value = name.split('.').reduce<unknown>((o, key) => (isObject(o) ? o[key] : undefined), args[0]);
    return value === undefined || value === null || typeof value === 'object' ? whole : String(value);
  });
}
