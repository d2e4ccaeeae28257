/**
 * UI strings every element shares (loading, errors, the credit line, kinds and statuses), in
 * English, Simplified and Traditional Chinese; each element's own strings are beside it, the
 * other shipped languages in src/locales/ (see locales.ts). Every language lists every key: a
 * missing one is a test failure, never a fallback to another table.
 * Names of countries, dates, numbers and lists come from Intl (intl.ts), never from tables here.
 */
import type { Bureau, Dataset, EventKind, SourceKind, StationStatus } from '../data/schema.js';
import { formatDate, formatNumber, type UiLang } from './intl.js';
import { localized, type BuiltInLang } from './locales.js';

type ResponseKind = 'investigation' | 'closure' | 'statement' | 'arrest' | 'charges' | 'conviction' | 'agreement' | 'denial';

export interface Strings {
  loading: string;
  errorTitle: string;
  /** Reader-facing lead for a failed load, followed by the reason. */
  errorLead: string;
  retry: string;
  /** The reason given when the failure is not one the data layer describes. */
  unexpectedError: string;
  /** The link to the dataset itself, shown when a widget cannot use it and the page gave no fallback. */
  dataLink: string;
  skipped(n: number): string;
  /** Said once under a widget whose UI is not English: the dataset's own text is English ('' in English). */
  englishDataNote: string;
  /** The dataset's text shown in translation (overseas-police-stations.<lang>.json beside the dataset). */
  translation: {
    /** The mark beside each translated text. */
    mark(reviewed: boolean): string;
    /** The button that shows the English the text was translated from (aria-pressed). */
    original: string;
    /** Said once under a widget that shows translations, in place of englishDataNote. */
    note: string;
  };
  credit: {
    /** With its punctuation ("Source: ", "来源："). */
    source: string;
    sources(n: number): string;
    /** Before the full date, in the methodology link's title. */
    updated: string;
    /** Before the month and year, in the line itself. */
    updatedShort: string;
    methodology: string;
    version(v: string): string;
  };
  /** Nouns more than one element labels its fields with. */
  country: string;
  city: string;
  bureau: string;
  sourceKind: Record<SourceKind, string>;
  status: Record<StationStatus, string>;
  responseKind: Record<ResponseKind, string>;
  eventKind: Record<EventKind, string>;
  unknownBureau: string;
  reportName(publisher: string, date: string): string;
}

const en: Strings = {
  loading: 'Loading data…',
  errorTitle: 'This graphic could not be shown',
  errorLead: 'The data behind it could not be used:',
  retry: 'Try again',
  unexpectedError: 'an unexpected error occurred',
  dataLink: 'Open the data (JSON)',
  skipped: (n) => `${n} ${n === 1 ? 'record' : 'records'} skipped — see console`,
  englishDataNote: '',
  translation: {
    mark: (reviewed) => `Translated from English${reviewed ? ', reviewed' : ', not reviewed'}`,
    original: 'English original',
    note: 'Summaries and notes are translations of the English (marked as reviewed or not); “English original” shows the text they were made from; any not yet translated are in English.',
  },
  credit: {
    source: 'Source: ',
    sources: (n) => `${formatNumber(n, 'en')} ${n === 1 ? 'source' : 'sources'}`,
    updated: 'Data updated',
    updatedShort: 'updated',
    methodology: 'Methodology',
    version: (v) => `version ${v}`,
  },
  country: 'Country',
  city: 'City',
  bureau: 'Bureau',
  sourceKind: {
    'ngo-report': 'NGO report',
    news: 'News',
    government: 'Government',
    court: 'Court',
    'chinese-official': 'Chinese official',
    encyclopedia: 'Encyclopedia',
  },
  status: {
    reported: 'Reported',
    'under-investigation': 'Under investigation',
    closed: 'Reported closed',
    denied: 'Denied',
  },
  responseKind: {
    investigation: 'Investigation',
    closure: 'Closure',
    statement: 'Statement',
    arrest: 'Arrests',
    charges: 'Charges',
    conviction: 'Conviction',
    agreement: 'Agreement',
    denial: 'Denial',
  },
  eventKind: {
    repatriation: 'Repatriation',
    persuasion: 'Persuasion to return',
    opening: 'Station opened',
    report: 'Report published',
    investigation: 'Investigation',
    closure: 'Closure',
    arrest: 'Arrest',
    charges: 'Charges',
    conviction: 'Conviction',
    statement: 'Statement',
    agreement: 'Agreement',
  },
  unknownBureau: 'Unknown',
  reportName: (publisher, date) => `${publisher}’s ${date} count`,
};

export const SHARED_STRINGS: Record<BuiltInLang, Strings> = { en };

/** The shared strings in a UI language (English for any key it lacks). */
export function sharedStrings(lang: UiLang): Strings {
  return localized(lang, 'shared', SHARED_STRINGS);
}

/** An element's strings: the shared ones, and its own under one key (`t.map`, `t.table` …). */
export type ElementStrings<K extends string, S> = Strings & { readonly [P in K]: S };

const combined = new WeakMap<object, Map<UiLang, { shared: Strings; own: unknown; value: unknown }>>();

/** The shared strings with an element's own table under `key`, made once per table and language. */
export function elementStrings<K extends 'map' | 'table' | 'timeline' | 'card', S extends object>(
  lang: UiLang,
  key: K,
  own: Record<BuiltInLang, S>,
): ElementStrings<K, S> {
  let byLang = combined.get(own);
  if (!byLang) combined.set(own, (byLang = new Map()));
  const shared = sharedStrings(lang);
  const mine = localized(lang, key, own);
  let made = byLang.get(lang);
  // Made again only when a table changed (a language chunk arrived, a page added strings).
  if (!made || made.shared !== shared || made.own !== mine) byLang.set(lang, (made = { shared, own: mine, value: { ...shared, [key]: mine } }));
  return made.value as ElementStrings<K, S>;
}

/** The count a coverage figure comes from, in words: "Safeguard Defenders’ December 2022 count". */
export function reportName(report: { publisher: string; month: string }, lang: UiLang): string {
  return sharedStrings(lang).reportName(report.publisher, formatDate(report.month, lang));
}

const bureausByDataset = new WeakMap<Dataset, Map<string, Bureau>>();

/**
 * A bureau's name for readers: the Chinese name where the UI is Chinese and the dataset has
 * one, "Unknown" in the UI's language where no source names a bureau, the id as a last resort.
 */
export function bureauName(dataset: Dataset, id: string, lang: UiLang): string {
  if (id === 'unknown') return sharedStrings(lang).unknownBureau;
  let bureaus = bureausByDataset.get(dataset);
  if (!bureaus) bureausByDataset.set(dataset, (bureaus = new Map(dataset.bureaus.map((b) => [b.id, b]))));
  const bureau = bureaus.get(id);
  return (lang.startsWith('zh') && bureau?.nameZh) || bureau?.name || id;
}
