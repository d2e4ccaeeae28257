/**
 * Translations of the dataset's text, in the editors' form and the published one:
 * data/csv/translations/<lang>.csv (one row per translated field: field, sourceHash, reviewed,
 * text) and data/csv/translations/meta.json (how each language was made) → the files beside the
 * dataset, data/overseas-police-stations.<lang>.json, which the widgets load.
 *
 * An editor adds or corrects a translation by writing its text and leaving `sourceHash` empty;
 * `data:build` then stamps it with the hash of the current English. A translation whose English
 * has changed since is stale: reported with coverage, never shown (the widgets show the English).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { csvFormatRows, csvParseRows } from 'd3-dsv';
import type { Dataset } from '../src/data/schema.js';
import { checkTranslation } from '../src/data/translation-schema.js';
import { SOURCE_HASH_LENGTH, TRANSLATION_LANGS, type TranslatedField, type TranslationFile, type TranslationLang } from '../src/data/translation.js';
import { datasetFields, fieldKind } from '../src/data/translation-match.js';
import { sha256 } from './lib-data-pipeline.js';

export const TRANSLATIONS_DIR = 'translations';
export const TRANSLATION_COLUMNS = ['field', 'sourceHash', 'reviewed', 'text'] as const;
export const DATASET_NAME = 'overseas-police-stations';

export const translationCsv = (csvDir: string, lang: TranslationLang) => join(csvDir, TRANSLATIONS_DIR, `${lang}.csv`);
/** A file as messages name it: relative to the working folder. */
const rel = (file: string) => relative(process.cwd(), file) || file;
export const translationJson = (dataDir: string, lang: TranslationLang) => join(dataDir, `${DATASET_NAME}.${lang}.json`);

/** The hash a translation stores of the English it was made from (as the browser computes it). */
export function englishHash(english: string): string {
  return sha256(english).slice(0, SOURCE_HASH_LENGTH);
}

interface LangMeta {
  method?: string;
}

export interface ReadTranslation {
  lang: TranslationLang;
  /** Rows as read, in file order (row = spreadsheet row, header = 1). */
  rows: { row: number; field: string; sourceHash: string; reviewed: boolean; text: string }[];
  meta: LangMeta;
  problems: string[];
}

function readMeta(csvDir: string): { meta: Partial<Record<TranslationLang, LangMeta>>; problems: string[] } {
  const file = join(csvDir, TRANSLATIONS_DIR, 'meta.json');
  if (!existsSync(file)) return { meta: {}, problems: [] };
  try {
    return { meta: JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<TranslationLang, LangMeta>>, problems: [] };
  } catch (error) {
    return { meta: {}, problems: [`${rel(file)}: not valid JSON (${(error as Error).message})`] };
  }
}

/** Reads one language's CSV; undefined when the language has no file. */
export function readTranslationCsv(csvDir: string, lang: TranslationLang): ReadTranslation | undefined {
  const file = translationCsv(csvDir, lang);
  if (!existsSync(file)) return undefined;
  const { meta, problems } = readMeta(csvDir);
  const [header, ...body] = csvParseRows(readFileSync(file, 'utf8'));
  const at = (row: number, column: string) => `${rel(file)}, row ${row}${column ? `, column ${column}` : ''}`;
  if (!header || header.join(',') !== TRANSLATION_COLUMNS.join(',')) {
    return { lang, rows: [], meta: {}, problems: [`${at(1, '')}: the header must be ${TRANSLATION_COLUMNS.join(',')}`] };
  }
  const rows: ReadTranslation['rows'] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const [field = '', sourceHash = '', reviewed = '', text = ''] = cells;
    if (cells.length !== TRANSLATION_COLUMNS.length) problems.push(`${at(row, '')}: ${cells.length} cells, expected ${TRANSLATION_COLUMNS.length}`);
    if (!fieldKind(field)) problems.push(`${at(row, 'field')}: ${JSON.stringify(field)} is not a translatable field (events/<id>/summary, countries/<code>/responses/<n>/summary, countries/<code>/notes, stations/<id>/notes)`);
    if (seen.has(field)) problems.push(`${at(row, 'field')}: ${field} is translated twice (also row ${seen.get(field)})`);
    seen.set(field, row);
    if (sourceHash && !new RegExp(`^[0-9a-f]{${SOURCE_HASH_LENGTH}}$`).test(sourceHash)) problems.push(`${at(row, 'sourceHash')}: must be ${SOURCE_HASH_LENGTH} hex digits, or empty for data:build to fill in`);
    if (!['', 'yes', 'no'].includes(reviewed)) problems.push(`${at(row, 'reviewed')}: must be yes, no or empty`);
    if (text.trim() === '') problems.push(`${at(row, 'text')}: is empty (delete the row instead)`);
    else if (text !== text.trim()) problems.push(`${at(row, 'text')}: starts or ends with spaces`);
    rows.push({ row, field, sourceHash, reviewed: reviewed === 'yes', text });
  });
  return { lang, rows, meta: meta[lang] ?? {}, problems };
}

/** The CSV text for rows (the order given). */
export function formatTranslationCsv(rows: ReadTranslation['rows']): string {
  return `${csvFormatRows([[...TRANSLATION_COLUMNS], ...rows.map((r) => [r.field, r.sourceHash, r.reviewed ? 'yes' : 'no', r.text])])}\n`;
}

/** The published file for a language, rows in the order of the dataset's fields. */
export function translationFile(read: ReadTranslation, dataset: Dataset): TranslationFile {
  const order = [...datasetFields(dataset).keys()];
  const rank = (f: string) => (order.indexOf(f) + 1 || order.length + 1);
  const fields: Record<string, TranslatedField> = {};
  for (const r of [...read.rows].sort((a, b) => rank(a.field) - rank(b.field) || a.row - b.row)) {
    fields[r.field] = { text: r.text, sourceHash: r.sourceHash, reviewed: r.reviewed };
  }
  return {
    translationOf: `${DATASET_NAME}.json`,
    lang: read.lang,
    translatedFrom: 'en',
    ...(read.meta.method ? { method: read.meta.method } : {}),
    fields,
  };
}

export function formatTranslationJson(file: TranslationFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}

export interface TranslationReport {
  problems: string[];
  /** Coverage and staleness, one line each. */
  lines: string[];
  /** Stale fields, with the current English, for --verbose. */
  stale: { lang: TranslationLang; field: string; english: string }[];
}

/**
 * Checks every language's CSV against the dataset and the published JSON against the CSV.
 * Problems (fail): a malformed CSV row or JSON file, a translation of a field the dataset does
 * not have, a hash not yet stamped, a JSON file that is not what the CSV builds. Reported only:
 * coverage per language and kind of field, and stale translations (their English changed).
 */
export function checkTranslations(dataset: Dataset, csvDir: string, dataDir: string): TranslationReport {
  const report: TranslationReport = { problems: [], lines: [], stale: [] };
  const english = datasetFields(dataset);
  const totals = new Map<string, number>();
  for (const path of english.keys()) totals.set(fieldKind(path)!, (totals.get(fieldKind(path)!) ?? 0) + 1);
  for (const lang of TRANSLATION_LANGS) {
    const json = translationJson(dataDir, lang);
    const read = readTranslationCsv(csvDir, lang);
    if (!read) {
      if (existsSync(json)) report.problems.push(`${rel(json)}: has no source ${rel(translationCsv(csvDir, lang))}`);
      continue;
    }
    report.problems.push(...read.problems);
    const current = new Map<string, number>();
    let stale = 0;
    let reviewed = 0;
    for (const r of read.rows) {
      const source = english.get(r.field);
      const where = `${rel(translationCsv(csvDir, lang))}, row ${r.row}, column field`;
      if (source === undefined) {
        if (fieldKind(r.field)) report.problems.push(`${where}: ${r.field}: the dataset has no such record or field (translation of an unknown record)`);
        continue;
      }
      if (!r.sourceHash) {
        report.problems.push(`${rel(translationCsv(csvDir, lang))}, row ${r.row}, column sourceHash: empty: run npm run data:build, which stamps it with the current English's hash`);
        continue;
      }
      if (r.sourceHash !== englishHash(source)) {
        stale++;
        report.stale.push({ lang, field: r.field, english: source });
        continue;
      }
      const kind = fieldKind(r.field)!;
      current.set(kind, (current.get(kind) ?? 0) + 1);
      if (r.reviewed) reviewed++;
    }
    const shown = [...current.values()].reduce((a, b) => a + b, 0);
    const perKind = [...totals].map(([kind, n]) => `${kind} ${current.get(kind) ?? 0}/${n}`).join(', ');
    report.lines.push(`${lang}: ${shown} of ${english.size} fields translated and current (${perKind}); ${reviewed} reviewed; ${stale} stale (English changed since: shown in English)`);

    // The published file: what the CSV builds, and a valid translation file.
    if (!existsSync(json)) {
      report.problems.push(`${rel(json)}: missing: run npm run data:build`);
      continue;
    }
    const text = readFileSync(json, 'utf8');
    try {
      const { skipped } = checkTranslation(JSON.parse(text), lang);
      for (const p of skipped) report.problems.push(`${rel(json)}: ${p.path}: ${p.message}`);
    } catch (error) {
      report.problems.push(`${rel(json)}: ${(error as Error).message}`);
      continue;
    }
    if (!read.problems.length && text !== formatTranslationJson(translationFile(read, dataset))) {
      report.problems.push(`${rel(json)}: is not what ${rel(translationCsv(csvDir, lang))} builds (the CSV is the source of truth): run npm run data:build`);
    }
  }
  return report;
}

/** Fills in empty hashes with the current English's; returns the rows changed. */
export function stampHashes(read: ReadTranslation, dataset: Dataset): number {
  const english = datasetFields(dataset);
  let stamped = 0;
  for (const r of read.rows) {
    const source = english.get(r.field);
    if (!r.sourceHash && source !== undefined) {
      r.sourceHash = englishHash(source);
      stamped++;
    }
  }
  return stamped;
}
