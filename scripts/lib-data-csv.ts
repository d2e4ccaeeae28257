/**
 * The editors' form of the dataset: data/csv/ (stations, countries, events,
 * sources, bureaus as CSV; meta.json) ⇄ the dataset object. The CSVs are the
 * source of truth; `npm run data:build` turns them into the JSON file.
 *
 * Conventions (documented in data/README.md):
 * - column names are the JSON field names; an empty cell means "absent";
 * - lists (sources, listedIn, countries) are ids separated by ";";
 * - a station's `lat`, `lon`, `precision` are its `location` (all three or none);
 * - countries.csv has one `country` row per country (notes and sources) and one
 *   `response` row per host-government or Chinese-side response.
 *
 * JSON → CSV → JSON is lossless for every dataset this format can express
 * (`datasetToCsv` refuses the few it cannot: empty strings, empty optional lists).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvFormatRows, csvParseRows } from 'd3-dsv';
import { SCHEMA_VERSION, type Dataset } from '../src/data/schema.js';

/** A problem in a file: `row` is the spreadsheet row (the header is row 1). */
export interface FileProblem {
  file: string;
  row?: number;
  column?: string;
  /** The JSON path inside the dataset, e.g. `stations[12].location.lat`. */
  path?: string;
  /** The record's id (or country code), to find it in any form of the data. */
  record?: string;
  message: string;
  /** For editorial checks: the check's name (see lib-data-checks.ts). */
  check?: string;
}

export const CSV_FILES = {
  sources: 'sources.csv',
  bureaus: 'bureaus.csv',
  stations: 'stations.csv',
  countries: 'countries.csv',
  events: 'events.csv',
} as const;
export const META_FILE = 'meta.json';

export const COLUMNS = {
  sources: ['id', 'publisher', 'title', 'date', 'url', 'kind', 'access', 'readVia', 'language', 'archiveUrl', 'excerpt', 'reliability', 'editorNote'],
  bureaus: ['id', 'name', 'nameZh', 'province'],
  stations: ['id', 'country', 'city', 'lat', 'lon', 'precision', 'bureau', 'firstReported', 'listedIn', 'status', 'statusDate', 'notes', 'sources'],
  countries: ['code', 'entry', 'date', 'by', 'kind', 'summary', 'sources', 'notes'],
  events: ['id', 'date', 'end', 'kind', 'countries', 'region', 'station', 'people', 'official', 'summary', 'sources'],
} as const;

type ListName = keyof typeof CSV_FILES;
type Row = Record<string, string>;

/** The JSON text `data:build` writes: one-space indent, a final newline. */
export function formatDatasetJson(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 1)}\n`;
}

export function formatMetaJson(meta: Dataset['meta']): string {
  return `${JSON.stringify(meta, null, 2)}\n`;
}

/** Spreadsheet column letter of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// ---------------------------------------------------------------- JSON → CSV

const joinList = (list: readonly string[] | undefined) => (list ? list.join(';') : '');
const cell = (value: string | number | undefined) => (value === undefined ? '' : String(value));

function toCsv(columns: readonly string[], rows: Row[]): string {
  return `${csvFormatRows([[...columns], ...rows.map((r) => columns.map((c) => r[c] ?? ''))])}\n`;
}

/**
 * Writes the dataset as the files of data/csv/ (name → text). Throws, naming
 * every field, if the dataset holds something the CSV form cannot express.
 */
export function datasetToCsv(dataset: Dataset): Record<string, string> {
  const problems: string[] = [];
  const known: Record<string, readonly string[]> = {
    sources: COLUMNS.sources,
    bureaus: COLUMNS.bureaus,
    stations: [...COLUMNS.stations.filter((c) => !['lat', 'lon', 'precision'].includes(c)), 'location'],
    countries: ['code', 'notes', 'responses', 'sources'],
    events: COLUMNS.events,
  };
  const inspect = (path: string, record: object, fields: readonly string[]) => {
    for (const [key, value] of Object.entries(record)) {
      if (!fields.includes(key)) problems.push(`${path}.${key}: not a field of the format`);
      else if (value === '') problems.push(`${path}.${key}: an empty string (omit the field instead)`);
      else if (Array.isArray(value)) {
        if (value.length === 0 && !['listedIn', 'responses', 'sources'].includes(key)) {
          problems.push(`${path}.${key}: an empty list (omit the field instead)`);
        }
        value.forEach((item, i) => {
          if (typeof item === 'string' && (item.includes(';') || item !== item.trim() || item === '')) {
            problems.push(`${path}.${key}[${i}]: ${JSON.stringify(item)} cannot be a list item in a CSV cell`);
          }
        });
      } else if (typeof value === 'string' && value !== value.trim()) {
        problems.push(`${path}.${key}: starts or ends with spaces`);
      }
    }
  };
  dataset.sources.forEach((r, i) => inspect(`sources[${i}]`, r, known.sources!));
  dataset.bureaus.forEach((r, i) => inspect(`bureaus[${i}]`, r, known.bureaus!));
  dataset.stations.forEach((r, i) => {
    inspect(`stations[${i}]`, r, known.stations!);
    if (r.location) inspect(`stations[${i}].location`, r.location, ['lat', 'lon', 'precision']);
  });
  dataset.countries.forEach((r, i) => {
    inspect(`countries[${i}]`, r, known.countries!);
    if (r.sources?.length === 0) problems.push(`countries[${i}].sources: an empty list (omit the field instead)`);
    r.responses.forEach((x, j) => inspect(`countries[${i}].responses[${j}]`, x, ['date', 'by', 'kind', 'summary', 'sources']));
  });
  dataset.events.forEach((r, i) => inspect(`events[${i}]`, r, known.events!));
  if (problems.length) throw new Error(`the dataset cannot be written as CSV:\n  ${problems.join('\n  ')}`);

  const countryRows: Row[] = [];
  for (const c of dataset.countries) {
    countryRows.push({ code: c.code, entry: 'country', sources: joinList(c.sources), notes: cell(c.notes) });
    for (const r of c.responses) {
      countryRows.push({ code: c.code, entry: 'response', date: r.date, by: cell(r.by), kind: r.kind, summary: r.summary, sources: joinList(r.sources) });
    }
  }
  return {
    [CSV_FILES.sources]: toCsv(COLUMNS.sources, dataset.sources as unknown as Row[]),
    [CSV_FILES.bureaus]: toCsv(COLUMNS.bureaus, dataset.bureaus as unknown as Row[]),
    [CSV_FILES.stations]: toCsv(
      COLUMNS.stations,
      dataset.stations.map((s) => ({
        id: s.id,
        country: s.country,
        city: cell(s.city),
        lat: cell(s.location?.lat),
        lon: cell(s.location?.lon),
        precision: cell(s.location?.precision),
        bureau: s.bureau,
        firstReported: cell(s.firstReported),
        listedIn: joinList(s.listedIn),
        status: s.status,
        statusDate: cell(s.statusDate),
        notes: cell(s.notes),
        sources: joinList(s.sources),
      })),
    ),
    [CSV_FILES.countries]: toCsv(COLUMNS.countries, countryRows),
    [CSV_FILES.events]: toCsv(
      COLUMNS.events,
      dataset.events.map((e) => ({
        id: e.id,
        date: e.date,
        end: cell(e.end),
        kind: e.kind,
        countries: joinList(e.countries),
        region: cell(e.region),
        station: cell(e.station),
        people: cell(e.people),
        official: e.official === undefined ? '' : e.official ? 'yes' : 'no',
        summary: e.summary,
        sources: joinList(e.sources),
      })),
    ),
    [META_FILE]: formatMetaJson(dataset.meta),
  };
}

// ---------------------------------------------------------------- CSV → JSON

/** Where each record of the built dataset came from, to turn JSON paths into file, row and column. */
export interface Origins {
  dir: string;
  rows: Map<string, number>; // "stations[3]" or "countries[2].responses[1]" → spreadsheet row
  files: Record<ListName, string>;
  /** Each file's header as written, for column letters. */
  headers: Partial<Record<ListName, string[]>>;
}

export interface CsvReadResult {
  /** The dataset as built from the files (not yet validated). */
  dataset: Dataset;
  /** Problems in the files themselves (unknown columns, cells that are not numbers, …). */
  problems: FileProblem[];
  origins: Origins;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

interface Table {
  file: string;
  /** The header as written (columns may be in any order). */
  names: string[];
  rows: { row: number; cells: Row }[];
}

function readTable(dir: string, name: ListName, problems: FileProblem[]): Table {
  const file = join(dir, CSV_FILES[name]);
  const columns: readonly string[] = COLUMNS[name];
  let text: string;
  try {
    text = stripBom(readFileSync(file, 'utf8'));
  } catch {
    problems.push({ file, message: 'the file is missing' });
    return { file, names: [...columns], rows: [] };
  }
  const [header = [], ...data] = csvParseRows(text);
  const names = header.map((h) => h.trim());
  names.forEach((h, i) => {
    if (!columns.includes(h)) {
      problems.push({ file, row: 1, column: `${h || '(empty)'} (${columnLetter(i)})`, message: `unknown column; the columns are ${columns.join(', ')}` });
    } else if (names.indexOf(h) !== i) {
      problems.push({ file, row: 1, column: `${h} (${columnLetter(i)})`, message: 'this column appears twice' });
    }
  });
  for (const c of columns) if (!names.includes(c)) problems.push({ file, row: 1, column: c, message: 'this column is missing' });
  const rows: Table['rows'] = [];
  data.forEach((values, i) => {
    const row = i + 2;
    if (values.every((v) => v.trim() === '')) return; // blank lines are harmless
    if (values.length > names.length && values.slice(names.length).some((v) => v.trim() !== '')) {
      problems.push({ file, row, column: columnLetter(names.length), message: `this row has ${values.length} cells but the header has ${names.length} (a stray comma?)` });
    }
    const cells: Row = {};
    names.forEach((h, j) => {
      if (columns.includes(h) && cells[h] === undefined) cells[h] = (values[j] ?? '').trim();
    });
    rows.push({ row, cells });
  });
  return { file, names, rows };
}

/** Reads data/csv/ (or any folder of the same files) into a dataset, collecting every problem. */
export function readCsvFolder(dir: string): CsvReadResult {
  const problems: FileProblem[] = [];
  const origins: Origins = {
    dir,
    rows: new Map(),
    files: Object.fromEntries(Object.entries(CSV_FILES).map(([k, f]) => [k, join(dir, f)])) as Record<ListName, string>,
    headers: {},
  };
  const tables = Object.fromEntries(
    (Object.keys(CSV_FILES) as ListName[]).map((name) => [name, readTable(dir, name, problems)]),
  ) as Record<ListName, Table>;
  for (const name of Object.keys(tables) as ListName[]) origins.headers[name] = tables[name].names;

  // Cell readers: each reports its own problems with file, row and column.
  const at = (t: Table, row: number, column: string, record?: string): FileProblem & { message: '' } => ({
    file: t.file,
    row,
    column: `${column} (${columnLetter(t.names.indexOf(column))})`,
    ...(record ? { record } : {}),
    message: '',
  });
  const opt = (s: string | undefined) => (s ? s : undefined);
  const list = (s: string | undefined) => (s ? s.split(';').map((x) => x.trim()).filter((x) => x !== '') : []);
  const optList = (s: string | undefined) => (s ? list(s) : undefined);
  const num = (t: Table, row: number, column: string, s: string | undefined, record?: string): number | undefined => {
    if (!s) return undefined;
    if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return Number(s);
    problems.push({ ...at(t, row, column, record), message: `${JSON.stringify(s)} is not a number (use a point for decimals: 51.5074)` });
    return Number.NaN;
  };
  const bool = (t: Table, row: number, column: string, s: string | undefined, record?: string): boolean | undefined => {
    if (!s) return undefined;
    const v = s.toLowerCase();
    if (v === 'yes' || v === 'true') return true;
    if (v === 'no' || v === 'false') return false;
    problems.push({ ...at(t, row, column, record), message: `${JSON.stringify(s)} should be "yes", "no" or empty` });
    return undefined;
  };

  const sources = tables.sources.rows.map(({ row, cells: c }, i) => {
    origins.rows.set(`sources[${i}]`, row);
    return omitUndefined({
      id: c.id, publisher: c.publisher, title: c.title, date: c.date, url: c.url, kind: c.kind, access: opt(c.access),
      readVia: opt(c.readVia), language: opt(c.language), archiveUrl: opt(c.archiveUrl), excerpt: opt(c.excerpt), reliability: opt(c.reliability),
      editorNote: opt(c.editorNote),
    });
  });
  const bureaus = tables.bureaus.rows.map(({ row, cells: c }, i) => {
    origins.rows.set(`bureaus[${i}]`, row);
    return omitUndefined({ id: c.id, name: c.name, nameZh: opt(c.nameZh), province: c.province });
  });
  const stations = tables.stations.rows.map(({ row, cells: c }, i) => {
    origins.rows.set(`stations[${i}]`, row);
    const t = tables.stations;
    const lat = num(t, row, 'lat', c.lat, c.id);
    const lon = num(t, row, 'lon', c.lon, c.id);
    const precision = opt(c.precision);
    const parts = [lat, lon, precision].filter((x) => x !== undefined).length;
    if (parts !== 0 && parts !== 3) {
      problems.push({ ...at(t, row, lat === undefined ? 'lat' : lon === undefined ? 'lon' : 'precision', c.id), message: 'lat, lon and precision go together: fill all three, or none for a site known only by its country' });
    }
    return omitUndefined({
      id: c.id,
      country: c.country,
      city: opt(c.city),
      location: parts === 3 ? { lat, lon, precision } : undefined,
      bureau: c.bureau,
      firstReported: opt(c.firstReported),
      listedIn: list(c.listedIn),
      status: c.status,
      statusDate: opt(c.statusDate),
      notes: opt(c.notes),
      sources: list(c.sources),
    });
  });

  const countries: Record<string, unknown>[] = [];
  const byCode = new Map<string, { record: { responses: unknown[] }; index: number; row: number }>();
  for (const { row, cells: c } of tables.countries.rows) {
    const t = tables.countries;
    const entry = c.entry?.toLowerCase();
    if (entry === 'country') {
      const previous = byCode.get(c.code!);
      if (previous) {
        problems.push({ ...at(t, row, 'code', c.code), message: `there is already a country row for ${c.code} (row ${previous.row})` });
        continue;
      }
      for (const col of ['date', 'by', 'kind', 'summary'] as const) {
        if (c[col]) problems.push({ ...at(t, row, col, c.code), message: `a "country" row has no ${col}; put a response on a row of its own with entry "response"` });
      }
      const record = omitUndefined({ code: c.code, notes: opt(c.notes), responses: [] as unknown[], sources: optList(c.sources) }) as { responses: unknown[] };
      const index = countries.push(record) - 1;
      origins.rows.set(`countries[${index}]`, row);
      byCode.set(c.code!, { record, index, row });
    } else if (entry === 'response') {
      const owner = byCode.get(c.code!);
      if (!owner) {
        problems.push({ ...at(t, row, 'code', c.code), message: `no "country" row for ${JSON.stringify(c.code)} above this response (each country needs one, with its notes and sources)` });
        continue;
      }
      if (c.notes) problems.push({ ...at(t, row, 'notes', c.code), message: 'a response has no notes; put country notes on the "country" row' });
      const j = owner.record.responses.push(
        omitUndefined({ date: c.date, kind: c.kind, summary: c.summary, sources: list(c.sources), by: opt(c.by) }),
      ) - 1;
      origins.rows.set(`countries[${owner.index}].responses[${j}]`, row);
    } else {
      problems.push({ ...at(t, row, 'entry', c.code), message: `${JSON.stringify(c.entry ?? '')} should be "country" (the country's notes and sources) or "response"` });
    }
  }

  const events = tables.events.rows.map(({ row, cells: c }, i) => {
    origins.rows.set(`events[${i}]`, row);
    const t = tables.events;
    return omitUndefined({
      id: c.id,
      date: c.date,
      end: opt(c.end),
      kind: c.kind,
      countries: optList(c.countries),
      region: opt(c.region),
      station: opt(c.station),
      people: num(t, row, 'people', c.people, c.id),
      official: bool(t, row, 'official', c.official, c.id),
      summary: c.summary,
      sources: list(c.sources),
    });
  });

  let meta: unknown;
  const metaFile = join(dir, META_FILE);
  try {
    meta = JSON.parse(stripBom(readFileSync(metaFile, 'utf8')));
  } catch (error) {
    problems.push({ file: metaFile, message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file is missing' : `not valid JSON (${(error as Error).message})` });
  }

  const dataset = { schemaVersion: SCHEMA_VERSION, meta, sources, bureaus, stations, countries, events } as unknown as Dataset;
  return { dataset, problems, origins };
}

function omitUndefined<T extends Record<string, unknown>>(record: T): T {
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  return record;
}

const FIELD_TO_COLUMN: Record<string, string> = { location: 'lat' };

/** Turns a dataset path (`stations[12].location.lat`) into file, row and column of data/csv/. */
export function locateInCsv(origins: Origins, path: string): Pick<FileProblem, 'file' | 'row' | 'column'> {
  if (path === 'meta' || path.startsWith('meta.') || path.startsWith('meta[')) return { file: join(origins.dir, META_FILE) };
  const m = /^(\w+)\[(\d+)\](?:\.responses\[(\d+)\])?(.*)$/.exec(path);
  if (!m) return { file: origins.dir };
  const [, list, index, response, rest] = m;
  const name = list as ListName;
  const key = response !== undefined ? `${list}[${index}].responses[${response}]` : `${list}[${index}]`;
  const file = origins.files[name] ?? origins.dir;
  const row = origins.rows.get(key);
  // The first field name after the record: "location.lat" → "lat", "sources[2]" → "sources".
  const fields = rest!.replace(/\[\d+\]/g, '').split('.').filter(Boolean);
  let field = fields[0] === 'location' ? (fields[1] ?? 'location') : fields[0];
  if (field) field = FIELD_TO_COLUMN[field] ?? field;
  const header = origins.headers[name] ?? [];
  const column = field && header.includes(field) ? `${field} (${columnLetter(header.indexOf(field))})` : field;
  return { file, ...(row !== undefined ? { row } : {}), ...(column ? { column } : {}) };
}
