/**
 * Matching a translation file to the dataset in use: which fields there are, the hash of each
 * one's English, and which translations are still current. Used by the loader (only on pages in a
 * translated language) and by `data:check`; kept out of the code every page loads.
 */
import type { Dataset } from './schema.js';
import { sha256Hex } from './digest.js';
import {
  countryNotesPath,
  eventPath,
  responsePath,
  SOURCE_HASH_LENGTH,
  stationNotesPath,
  type ShownTranslation,
  type Translation,
  type TranslationFile,
} from './translation.js';

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

/** The kind of field a path names, for coverage reports. */
export function fieldKind(path: string): 'event summaries' | 'country responses' | 'country notes' | 'station notes' | undefined {
  if (/^events\/[^/]+\/summary$/.test(path)) return 'event summaries';
  if (/^countries\/[^/]+\/responses\/\d+\/summary$/.test(path)) return 'country responses';
  if (/^countries\/[^/]+\/notes$/.test(path)) return 'country notes';
  if (/^stations\/[^/]+\/notes$/.test(path)) return 'station notes';
  return undefined;
}

/** SHA-256 of the English, first 12 hex digits; undefined where the browser offers no digest (http pages other than localhost). */
export async function sourceHash(english: string): Promise<string | undefined> {
  return (await sha256Hex(new TextEncoder().encode(english)))?.slice(0, SOURCE_HASH_LENGTH);
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
