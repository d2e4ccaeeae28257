/**
 * The dataset's own text in other languages: files beside the dataset
 * (`overseas-police-stations.zh-Hans.json` beside `overseas-police-stations.json`), one per
 * language, holding translations of the free-text fields, each with a hash of the English it
 * was made from. A translation whose English has changed since is stale and never shown: the
 * widget shows the English instead. `data:check` and the widgets use these same functions.
 */
import type { Dataset } from './schema.js';

/** The languages the dataset's text is translated into (and the file-name suffix of each). */
export const TRANSLATION_LANGS = ['zh-Hans', 'zh-Hant'] as const;
export type TranslationLang = (typeof TRANSLATION_LANGS)[number];

/** Characters of the SHA-256 hex digest kept as `sourceHash`: enough to tell two wordings apart. */
export const SOURCE_HASH_LENGTH = 12;

/** One translated field, as the file stores it. */
export interface TranslatedField {
  text: string;
  /** The first 12 hex digits of the SHA-256 of the English (UTF-8) the text was made from. */
  sourceHash: string;
  /** True once someone who reads both languages checked it against the English. */
  reviewed?: boolean;
}

/** A translation file (`overseas-police-stations.<lang>.json`). */
export interface TranslationFile {
  translationOf: string;
  lang: TranslationLang;
  translatedFrom: 'en';
  /** How the text was made (by whom, with which tools), for readers of the file. */
  method?: string;
  /** Field path (see `datasetFields`) → translation. */
  fields: Record<string, TranslatedField>;
}

/**
 * Every free-text field a translation may cover, path → English, in the order readers meet
 * them: event summaries, country responses, country notes, station notes. Paths name records
 * by id (responses by their position in the country's list), never by position in a list of
 * records, so reordering records keeps translations in place.
 */
export function datasetFields(dataset: Pick<Dataset, 'events' | 'countries' | 'stations'>): Map<string, string> {
  const fields = new Map<string, string>();
  for (const e of dataset.events) fields.set(eventPath(e.id), e.summary);
  for (const c of dataset.countries) c.responses.forEach((r, i) => fields.set(responsePath(c.code, i), r.summary));
  for (const c of dataset.countries) if (c.notes) fields.set(countryNotesPath(c.code), c.notes);
  for (const s of dataset.stations) if (s.notes) fields.set(stationNotesPath(s.id), s.notes);
  return fields;
}

export const eventPath = (id: string) => `events/${id}/summary`;
export const responsePath = (code: string, index: number) => `countries/${code}/responses/${index}/summary`;
export const countryNotesPath = (code: string) => `countries/${code}/notes`;
export const stationNotesPath = (id: string) => `stations/${id}/notes`;

/** The kind of field a path names, for coverage reports. */
export function fieldKind(path: string): 'event summaries' | 'country responses' | 'country notes' | 'station notes' | undefined {
  if (/^events\/[^/]+\/summary$/.test(path)) return 'event summaries';
  if (/^countries\/[^/]+\/responses\/\d+\/summary$/.test(path)) return 'country responses';
  if (/^countries\/[^/]+\/notes$/.test(path)) return 'country notes';
  if (/^stations\/[^/]+\/notes$/.test(path)) return 'station notes';
  return undefined;
}

/**
 * `…/overseas-police-stations.json?v=2` → `…/overseas-police-stations.zh-Hans.json?v=2`: the query
 * (a CMS's version or cache-busting parameter) is kept, so a new dataset brings a new translation.
 */
export function translationUrl(datasetUrl: string, lang: TranslationLang): string {
  const url = new URL(datasetUrl);
  url.hash = '';
  url.pathname = /\.json$/i.test(url.pathname) ? url.pathname.replace(/\.json$/i, `.${lang}.json`) : `${url.pathname}.${lang}.json`;
  return url.href;
}

/** SHA-256 of the English, first 12 hex digits; undefined where the browser offers no digest (http pages other than localhost). */
export async function sourceHash(english: string): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(english)));
  return Array.from(digest.subarray(0, SOURCE_HASH_LENGTH / 2), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a widget shows for one field: the translation, and whether someone reviewed it. */
export interface ShownTranslation {
  text: string;
  reviewed: boolean;
}

/** A translation file matched against the dataset in use: only current translations are kept. */
export interface Translation {
  lang: TranslationLang;
  url: string;
  fields: Map<string, ShownTranslation>;
  /** Translations left out because their English changed since (shown in English). */
  stale: string[];
  /** Translations of fields the dataset does not have (another version of it, or a typo). */
  unknown: string[];
}

/**
 * Keeps the translations whose English is the dataset's current English; the others (stale, or
 * naming a field the dataset does not have) are left out, so the widget shows the English there.
 */
export async function matchTranslation(file: TranslationFile, url: string, dataset: Dataset): Promise<Translation> {
  const english = datasetFields(dataset);
  const fields = new Map<string, ShownTranslation>();
  const stale: string[] = [];
  const unknown: string[] = [];
  for (const [path, field] of Object.entries(file.fields)) {
    const source = english.get(path);
    if (source === undefined) {
      unknown.push(path);
      continue;
    }
    if ((await sourceHash(source)) !== field.sourceHash) stale.push(path);
    else fields.set(path, { text: field.text, reviewed: field.reviewed === true });
  }
  return { lang: file.lang, url, fields, stale, unknown };
}
