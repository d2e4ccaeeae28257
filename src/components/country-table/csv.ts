import { csvFormatRows } from 'd3-dsv';
import type { Dataset } from '../../data/schema.js';
import { countryName, type UiLang } from '../../shared/intl.js';
import { bureauName } from '../../shared/strings.js';

/** Spreadsheets run cells that start with these as formulas; a leading apostrophe keeps them text. */
const FORMULA_START = /^[=+\-@\t\r]/;

const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

export function neutraliseFormula(cell: string): string {
  // Coordinates such as -74.006 stay numbers.
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** The columns, in order; English heads them with these names (the dataset's fields), other languages in words. */
export const CSV_COLUMNS = [
  'station_id',
  'country_code',
  'country',
  'city',
  'latitude',
  'longitude',
  'location_precision',
  'bureau',
  'status',
  'status_date',
  'first_reported',
  'listed_in',
  'notes',
  'source_ids',
  'source_urls',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * One row per station (the table's rows expanded), UTF-8 with a byte-order
 * mark so Excel reads Chinese and accented names correctly.
 */
export function stationsCsv(dataset: Dataset, lang: UiLang, countries?: Set<string>, head?: Readonly<Record<CsvColumn, string>>): string {
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const rows = dataset.stations
    .filter((s) => !countries || countries.has(s.country))
    .map((s) => [
      s.id,
      s.country,
      countryName(s.country, lang),
      s.city ?? '',
      s.location ? String(s.location.lat) : '',
      s.location ? String(s.location.lon) : '',
      s.location?.precision ?? 'country',
      bureauName(dataset, s.bureau, lang),
      s.status,
      s.statusDate ?? '',
      s.firstReported ?? '',
      s.listedIn.join(' '),
      s.notes ?? '',
      s.sources.join(' '),
      s.sources.map((id) => sources.get(id)?.url ?? '').join(' '),
    ]);
  return '\uFEFF' + csvFormatRows([CSV_COLUMNS.map((column) => head?.[column] ?? column), ...rows.map((row) => row.map(neutraliseFormula))]);
}
