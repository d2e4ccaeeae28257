/**
 * The dataset's own text in other languages: files beside the dataset
 * (`overseas-police-stations.zh-Hans.json` beside `overseas-police-stations.json`), one per
 * language, holding translations of the free-text fields, each with a hash of the English it
 * was made from. A translation whose English has changed since is stale and never shown: the
 * widget shows the English instead. What every page needs is here; matching a file to the dataset
 * is in translation-match.ts, loaded only where a translation is used.
 */
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
  /** Field path (see `datasetFields` in translation-match.ts) → translation. */
  fields: Record<string, TranslatedField>;
}

export const eventPath = (id: string) => `events/${id}/summary`;
export const responsePath = (code: string, index: number) => `countries/${code}/responses/${index}/summary`;
export const countryNotesPath = (code: string) => `countries/${code}/notes`;
export const stationNotesPath = (id: string) => `stations/${id}/notes`;

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
