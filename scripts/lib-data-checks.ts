/**
 * Every check `data:check` and `data:build` run on a dataset: the widgets' own
 * validation (src/data/validate.ts: schema, ids, references) plus the editorial
 * checks below, which the widgets do not need but a published record does.
 *
 * Editorial checks (name → what it finds):
 * - unused-source      a source no station, country, response, event or reported total cites
 * - unknown-source     a reported total citing a source id that does not exist
 * - outside-country    a station point more than TOLERANCE_KM outside its country's outline
 * - duplicate-station  two stations with the same country, city and bureau, without notes on each
 * - future-date        a date after today
 * - end-before-start   an event whose end is before its date
 * - country-missing    a station in a country that has no entry in `countries`
 * - access-missing     a source that does not say how it was read (`access`)
 * - weak-only          a record whose every source is a copy, none with an `editorNote` saying why
 *
 * Known, explained exceptions are listed in data/csv/acknowledged.csv
 * (check, record, reason); only the first three checks can be acknowledged.
 */
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import * as v from 'valibot';
import { isCountryCode, MetaSchema, ReportedTotalSchema, SCHEMA_VERSION, type Dataset } from '../src/data/schema.js';
import { DatasetError, issuesToProblems, validateDataset } from '../src/data/validate.js';
import { accessReport } from './lib-data-access.js';
import { checkPlace, TOLERANCE_KM } from './lib-data-geo.js';

export interface CheckProblem {
  path: string;
  message: string;
  /** The editorial check's name; absent for schema and reference problems. */
  check?: string;
  /** The record's id or country code. */
  record?: string;
}

export const ACKNOWLEDGEABLE = ['unused-source', 'outside-country', 'duplicate-station'] as const;

export interface Acknowledgement {
  check: string;
  record: string;
  reason: string;
  row: number;
}

export interface CheckReport {
  /** Problems that fail the check. */
  errors: CheckProblem[];
  /** Acknowledged problems and things the checks skipped (printed, never failing). */
  notes: string[];
  /** The counts the widgets show, next to the reports' own totals. */
  totals: string[];
}

/** Today as YYYY-MM-DD (UTC); OPS_TODAY overrides it for tests. */
export function today(): string {
  return process.env.OPS_TODAY || new Date().toISOString().slice(0, 10);
}

/** The first day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) can mean. */
function firstDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** The last day a partial date can mean (as a string that sorts correctly). */
function lastDay(date: string): string {
  return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
}

export function readAcknowledgements(file: string): { list: Acknowledgement[]; problems: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return { list: [], problems: [] };
  }
  const problems: string[] = [];
  const list: Acknowledgement[] = [];
  csvParse(text).forEach((r, i) => {
    const row = i + 2;
    const check = (r.check ?? '').trim();
    const record = (r.record ?? '').trim();
    const reason = (r.reason ?? '').trim();
    if (!check && !record && !reason) return;
    if (!(ACKNOWLEDGEABLE as readonly string[]).includes(check)) {
      problems.push(`${file}, row ${row}, column check (A): ${JSON.stringify(check)} cannot be acknowledged; only ${ACKNOWLEDGEABLE.join(', ')}`);
    } else if (!record) problems.push(`${file}, row ${row}, column record (B): which record? (an id)`);
    else if (!reason) problems.push(`${file}, row ${row}, column reason (C): say why this is not a mistake`);
    else list.push({ check, record, reason, row });
  });
  return { list, problems };
}

type Rec = Record<string, unknown>;
const isObj = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/**
 * Validates `input` (the widgets' rules) and runs the editorial checks on it.
 * Structural problems come back as a single error at path "" (or "meta…").
 */
export function checkDataset(input: unknown, options: { acknowledged?: Acknowledgement[]; today?: string } = {}): CheckReport {
  const report: CheckReport = { errors: [], notes: [], totals: [] };
  // The widgets reject a dataset whose meta is invalid; here every meta problem is reported,
  // and the records are still checked (against a stand-in meta), so one run shows everything.
  if (isObj(input) && input.schemaVersion === SCHEMA_VERSION) {
    const meta = v.safeParse(MetaSchema, input.meta);
    if (!meta.success) {
      report.errors.push(...issuesToProblems('meta', meta.issues));
      const totals = isObj(input.meta) ? arr(input.meta.reportedTotals).filter((t) => v.is(ReportedTotalSchema, t)) : [];
      input = { ...input, meta: { title: '-', description: '', updated: '2000', version: '-', license: '-', credit: '-', reportedTotals: totals } };
    }
  }
  let valid;
  try {
    valid = validateDataset(input);
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    const m = /^(meta[^:]*): (.*)$/.exec(error.reason);
    report.errors.push(m ? { path: m[1]!, message: m[2]! } : { path: '', message: error.reason });
    return report;
  }
  const d = input as Rec;
  const idOf = (list: string, i: number) => {
    const r = arr(d[list])[i];
    return isObj(r) ? str(list === 'countries' ? r.code : r.id) : undefined;
  };
  for (const { problems } of valid.skipped) {
    for (const p of problems) {
      const m = /^(\w+)\[(\d+)\]/.exec(p.path);
      report.errors.push({ ...p, ...(m ? { record: idOf(m[1]!, Number(m[2])) } : {}) });
    }
  }

  const found: CheckProblem[] = [];
  const add = (check: string, path: string, record: string | undefined, message: string) =>
    found.push({ check, path, message, ...(record ? { record } : {}) });

  const sources = arr(d.sources).filter(isObj);
  const stations = arr(d.stations);
  const countries = arr(d.countries);
  const events = arr(d.events);
  const meta = isObj(d.meta) ? d.meta : {};
  const totals = arr(meta.reportedTotals).filter(isObj);

  // Every source cited, every citation a source.
  const cited = new Set<string>();
  const cite = (ids: unknown) => arr(ids).forEach((id) => typeof id === 'string' && cited.add(id));
  stations.forEach((s) => isObj(s) && cite(s.sources));
  countries.forEach((c) => {
    if (!isObj(c)) return;
    cite(c.sources);
    arr(c.responses).forEach((r) => isObj(r) && cite(r.sources));
  });
  events.forEach((e) => isObj(e) && cite(e.sources));
  const sourceIds = new Set(sources.map((s) => str(s.id)));
  totals.forEach((t, i) => {
    if (typeof t.source !== 'string') return;
    cited.add(t.source);
    if (!sourceIds.has(t.source)) add('unknown-source', `meta.reportedTotals[${i}].source`, str(t.id), `${JSON.stringify(t.source)} is not a source id in this dataset`);
  });
  arr(d.sources).forEach((s, i) => {
    if (isObj(s) && typeof s.id === 'string' && !cited.has(s.id)) {
      add('unused-source', `sources[${i}]`, s.id, `source ${s.id} is not cited by any station, country, response, event or reported total`);
    }
  });

  // Points inside their country; countries with no shape are skipped with a note.
  const noShape = new Map<string, string>();
  stations.forEach((s, i) => {
    if (!isObj(s) || !isObj(s.location) || typeof s.country !== 'string') return;
    const { lat, lon } = s.location;
    if (typeof lat !== 'number' || typeof lon !== 'number') return;
    const place = checkPlace(s.country, lon, lat);
    if (place.result === 'outside') {
      add('outside-country', `stations[${i}].location`, str(s.id), `${lat}, ${lon} is ${place.km} km outside ${s.country} (more than the ${TOLERANCE_KM} km allowed for coastal and border cities)`);
    } else if (place.result === 'no-shape') noShape.set(s.country, place.reason);
  });
  for (const [code, reason] of noShape) report.notes.push(`point-in-country check skipped for ${code}: ${reason}`);

  // Same country, city and bureau: fine only where every one of them has notes saying what sets it apart.
  const groups = new Map<string, number[]>();
  stations.forEach((s, i) => {
    if (!isObj(s) || typeof s.city !== 'string' || !s.city) return;
    const key = `${String(s.country)}|${s.city.toLowerCase()}|${String(s.bureau)}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const indexes of groups.values()) {
    if (indexes.length < 2) continue;
    const ids = indexes.map((i) => idOf('stations', i) ?? `stations[${i}]`);
    for (const i of indexes) {
      const s = stations[i] as Rec;
      if (typeof s.notes === 'string' && s.notes.trim()) continue;
      const others = ids.filter((x) => x !== s.id).join(', ');
      add('duplicate-station', `stations[${i}].notes`, str(s.id), `same country, city and bureau as ${others}, and no notes say what sets this station apart`);
    }
  }

  // Dates: none in the future; events end after they start.
  const now = options.today ?? today();
  const dateAt = (path: string, record: string | undefined, value: unknown) => {
    if (typeof value === 'string' && /^\d{4}(-\d{2}){0,2}$/.test(value) && firstDay(value) > now) {
      add('future-date', path, record, `${value} is in the future (today is ${now})`);
    }
  };
  dateAt('meta.updated', undefined, meta.updated);
  totals.forEach((t, i) => dateAt(`meta.reportedTotals[${i}].asOf`, str(t.id), t.asOf));
  arr(d.sources).forEach((s, i) => isObj(s) && dateAt(`sources[${i}].date`, str(s.id), s.date));
  stations.forEach((s, i) => {
    if (!isObj(s)) return;
    dateAt(`stations[${i}].firstReported`, str(s.id), s.firstReported);
    dateAt(`stations[${i}].statusDate`, str(s.id), s.statusDate);
  });
  countries.forEach((c, i) => isObj(c) && arr(c.responses).forEach((r, j) => isObj(r) && dateAt(`countries[${i}].responses[${j}].date`, str(c.code), r.date)));
  events.forEach((e, i) => {
    if (!isObj(e)) return;
    dateAt(`events[${i}].date`, str(e.id), e.date);
    dateAt(`events[${i}].end`, str(e.id), e.end);
    if (typeof e.date === 'string' && typeof e.end === 'string' && lastDay(e.end) < firstDay(e.date)) {
      add('end-before-start', `events[${i}].end`, str(e.id), `ends (${e.end}) before it starts (${e.date})`);
    }
  });

  // Every station's country has an entry (the table's row, with the host government's responses).
  const countryCodes = new Set(countries.map((c) => (isObj(c) ? c.code : undefined)));
  stations.forEach((s, i) => {
    if (isObj(s) && typeof s.country === 'string' && isCountryCode(s.country) && !countryCodes.has(s.country)) {
      add('country-missing', `stations[${i}].country`, str(s.id), `${s.country} has no entry in countries (in CSV: a "country" row in countries.csv)`);
    }
  });

  // How each source was read, and records that rest only on copies (paths hold only when no record was skipped).
  const sourcing = valid.skipped.length ? undefined : accessReport(valid.dataset);
  if (sourcing) {
    for (const s of sourcing.unclassified) {
      const i = valid.dataset.sources.indexOf(s);
      add('access-missing', `sources[${i}].access`, s.id, `says not how it was read: set access to original, syndicated, official-record or copy (see data/README.md)`);
    }
    const byId = new Map(valid.dataset.sources.map((s) => [s.id, s]));
    for (const r of sourcing.unexplained) {
      const how = r.sources.map((id) => `${id}: ${byId.get(id)?.access}`).join(', ');
      add('weak-only', `${r.path}.sources`, r.label, `rests only on copies (${how}): cite the original, a wire or an official record, or say in an editorNote on one of these sources what was searched and why the copy stands`);
    }
  }

  // Acknowledged exceptions become notes; acknowledgements that match nothing are flagged as stale.
  const acks = options.acknowledged ?? [];
  const used = new Set<Acknowledgement>();
  for (const p of found) {
    const ack = acks.find((a) => a.check === p.check && a.record === p.record);
    if (ack && (ACKNOWLEDGEABLE as readonly string[]).includes(p.check!)) {
      used.add(ack);
      report.notes.push(`acknowledged ${p.check} ${p.record}: ${ack.reason}`);
    } else report.errors.push(p);
  }
  for (const a of acks) {
    if (!used.has(a)) report.notes.push(`acknowledgement no longer needed (row ${a.row}): ${a.check} ${a.record} — remove it`);
  }

  report.totals = [...totalsSummary(valid.dataset), ...(sourcing?.lines ?? [])];
  return report;
}

/** The counts the widgets show, next to each report's own total. */
export function totalsSummary(d: Dataset): string[] {
  const countries = new Set(d.stations.map((s) => s.country));
  const lines = [`this dataset: ${d.stations.length} stations in ${countries.size} countries (${d.countries.length} country entries)`];
  for (const t of d.meta.reportedTotals) {
    const listed = d.stations.filter((s) => s.listedIn.includes(t.id));
    const listedCountries = new Set(listed.map((s) => s.country));
    lines.push(
      `${t.id} (${t.asOf}, ${t.source}) reports ${t.stations} stations in ${t.countries} countries; ` +
        `${listed.length} of them are in this dataset, in ${listedCountries.size} countries ` +
        `(${t.stations - listed.length} stations and ${t.countries - listedCountries.size} countries not identified)`,
    );
  }
  const others = d.stations.filter((s) => s.listedIn.length === 0);
  lines.push(`${others.length} stations are named only by governments, lawmakers or news reports (listedIn empty)`);
  return lines;
}
