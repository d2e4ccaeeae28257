/**
 * Pure functions from a validated dataset to what the widgets show. No DOM,
 * no language: elements format names and dates themselves.
 */
import type { Country, CountryResponse, Dataset, OpsEvent, ReportedTotal, Source, Station } from './schema.js';

/** Partial ISO dates sort as strings: "2022" < "2022-10" < "2022-10-26". */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface CountryRow {
  code: string;
  stations: Station[];
  /** Bureau ids, most stations first; "unknown" last. */
  bureaus: string[];
  /** The host government's latest response (the Chinese side's statements are listed, not counted here). */
  latestResponse?: CountryResponse;
  /** Every source behind the country's record, its responses and its stations. */
  sourceIds: string[];
  record?: Country;
}

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

const rowsMemo = new WeakMap<Dataset, CountryRow[]>();

/**
 * One row per country that has a station or a country record; most stations first.
 * Computed once per dataset object (the map's summary and the table both ask): do not mutate the result.
 */
export function countryRows(dataset: Dataset): CountryRow[] {
  let rows = rowsMemo.get(dataset);
  if (!rows) rowsMemo.set(dataset, (rows = buildCountryRows(dataset)));
  return rows;
}

function buildCountryRows(dataset: Dataset): CountryRow[] {
  const codes = unique([...dataset.stations.map((s) => s.country), ...dataset.countries.map((c) => c.code)]);
  const records = new Map(dataset.countries.map((c) => [c.code, c]));
  const rows = codes.map((code): CountryRow => {
    const stations = dataset.stations.filter((s) => s.country === code);
    const record = records.get(code);
    const tally = new Map<string, number>();
    for (const s of stations) tally.set(s.bureau, (tally.get(s.bureau) ?? 0) + 1);
    const bureaus = [...tally.keys()].sort(
      (a, b) => Number(a === 'unknown') - Number(b === 'unknown') || tally.get(b)! - tally.get(a)! || a.localeCompare(b),
    );
    const responses = [...(record?.responses ?? [])].sort((a, b) => compareDates(a.date, b.date));
    return {
      code,
      stations,
      bureaus,
      latestResponse: responses.filter((r) => r.by !== 'china').at(-1),
      sourceIds: unique([
        ...(record?.sources ?? []),
        ...responses.flatMap((r) => r.sources),
        ...stations.flatMap((s) => s.sources),
      ]),
      record,
    };
  });
  return rows.sort((a, b) => b.stations.length - a.stations.length || a.code.localeCompare(b.code));
}

export interface Coverage {
  /** The latest count a report gave (the "M" of "N of M"); absent if the dataset has none. */
  total?: ReportedTotal;
  /** Stations in this dataset that the latest count includes. */
  listed: number;
  /** Countries of those stations. */
  listedCountries: number;
  /** Who made that count (its source's publisher, else the dataset's credit), and its month (`YYYY-MM`). */
  report?: { publisher: string; month: string };
  /** Stations that no report count includes (named by governments or others). */
  others: number;
  stations: number;
  countries: number;
}

export function coverage(dataset: Dataset): Coverage {
  const total = [...dataset.meta.reportedTotals].sort((a, b) => compareDates(a.asOf, b.asOf)).at(-1);
  const listed = total ? dataset.stations.filter((s) => s.listedIn.includes(total.id)) : [];
  const publisher = total && (dataset.sources.find((s) => s.id === total.source)?.publisher ?? dataset.meta.credit);
  return {
    total,
    ...(total && publisher ? { report: { publisher, month: total.asOf.slice(0, 7) } } : {}),
    listed: listed.length,
    listedCountries: new Set(listed.map((s) => s.country)).size,
    others: dataset.stations.filter((s) => s.listedIn.length === 0).length,
    stations: dataset.stations.length,
    countries: new Set(dataset.stations.map((s) => s.country)).size,
  };
}

const sourceIndexMemo = new WeakMap<Dataset, Map<string, Source>>();

/** Sources by id, built once per dataset: every source card on a page looks up in it. */
function sourceIndex(dataset: Dataset): Map<string, Source> {
  let byId = sourceIndexMemo.get(dataset);
  if (!byId) sourceIndexMemo.set(dataset, (byId = new Map(dataset.sources.map((s) => [s.id, s]))));
  return byId;
}

/**
 * The sources behind one record: a station id, an event id or a country code
 * (a country's own sources, its responses' and its stations'). Empty if unknown.
 */
export function sourcesFor(dataset: Dataset, recordId: string): Source[] {
  const byId = sourceIndex(dataset);
  let ids: string[] = [];
  const station = dataset.stations.find((s) => s.id === recordId);
  const event = dataset.events.find((e) => e.id === recordId);
  if (station) ids = station.sources;
  else if (event) ids = event.sources;
  else if (dataset.countries.some((c) => c.code === recordId) || dataset.stations.some((s) => s.country === recordId)) {
    ids = countryRows(dataset).find((r) => r.code === recordId)?.sourceIds ?? [];
  }
  return unique(ids)
    .map((id) => byId.get(id))
    .filter((s): s is Source => s !== undefined);
}

export function findSource(dataset: Dataset, id: string): Source | undefined {
  return sourceIndex(dataset).get(id);
}

export interface TimelineSeries {
  /** Individual repatriation and persuasion cases. */
  cases: OpsEvent[];
  /** Figures the Chinese government published for a year or a span. */
  official: OpsEvent[];
  /** Reports, investigations, closures, arrests, charges, statements… */
  context: OpsEvent[];
}

const CASE_KINDS = new Set(['repatriation', 'persuasion']);

/** Events split into the timeline's tracks, in date order; never summed. */
export function timelineSeries(dataset: Dataset, filter: { country?: string } = {}): TimelineSeries {
  const events = dataset.events
    .filter((e) => !filter.country || e.countries?.includes(filter.country))
    .sort((a, b) => compareDates(a.date, b.date));
  return {
    cases: events.filter((e) => CASE_KINDS.has(e.kind) && !e.official),
    official: events.filter((e) => CASE_KINDS.has(e.kind) && e.official),
    context: events.filter((e) => !CASE_KINDS.has(e.kind)),
  };
}

export type DatePrecision = 'year' | 'month' | 'day';

export function datePrecision(date: string): DatePrecision {
  return date.length <= 4 ? 'year' : date.length <= 7 ? 'month' : 'day';
}

/** The first instant of a partial ISO date (UTC). */
export function dateStart(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

/** The instant after the period a partial ISO date names: "2022" → 2023-01-01, "2022-10" → 2022-11-01. */
export function dateEnd(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return new Date(Date.UTC(y! + 1, 0, 1));
  if (d === undefined) return new Date(Date.UTC(y!, m, 1));
  return new Date(Date.UTC(y!, m - 1, d + 1));
}

/** The whole period an event's date (and `end`) covers, [start, end), at the precision the sources give: no made-up days. */
export function eventInterval(event: Pick<OpsEvent, 'date' | 'end'>): { start: Date; end: Date } {
  return { start: dateStart(event.date), end: dateEnd(event.end ?? event.date) };
}

/**
 * How an official figure reads: `annual` (a worldwide figure for one calendar
 * year), `partial` (worldwide, for part of a year: a period of 12 months or
 * less), `as-of` (a figure dated to a month or day without a period: a running
 * total "as of" then), `period` (a span longer than a year), `local` (for
 * some countries only). Only `annual` and `partial` share a per-year scale.
 */
export type OfficialShape = 'annual' | 'partial' | 'as-of' | 'period' | 'local';

export function officialShape(event: OpsEvent): OfficialShape {
  if (event.countries?.length || event.region) return 'local';
  if (!event.end) return datePrecision(event.date) === 'year' ? 'annual' : 'as-of';
  const { start, end } = eventInterval(event);
  return end.getTime() - start.getTime() <= 366 * 864e5 ? 'partial' : 'period';
}

export interface TimelineFilter {
  /** Partial ISO dates; events overlapping [from, to] are kept. */
  from?: string;
  to?: string;
  /** Event kinds to keep; empty or absent keeps all. */
  kinds?: readonly string[];
}

/** Narrows a series by period and kinds; order and tracks are kept. */
export function filterTimeline(series: TimelineSeries, filter: TimelineFilter): TimelineSeries {
  const from = filter.from ? dateStart(filter.from).getTime() : -Infinity;
  const to = filter.to ? dateEnd(filter.to).getTime() : Infinity;
  const kinds = filter.kinds?.length ? new Set(filter.kinds) : undefined;
  const keep = (e: OpsEvent) => {
    const { start, end } = eventInterval(e);
    return start.getTime() < to && end.getTime() > from && (!kinds || kinds.has(e.kind));
  };
  return { cases: series.cases.filter(keep), official: series.official.filter(keep), context: series.context.filter(keep) };
}
