/**
 * The dataset format, written once with valibot: the TypeScript types, the
 * run-time validation in the browser, the `data:check` CLI and the JSON Schema
 * beside the dataset (scripts/write-json-schema.ts) all come from here.
 */
import * as v from 'valibot';

export const SCHEMA_VERSION = 1;

/** Partial ISO dates as sources give them: a year, a month or a day. */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isPartialDate(value: string): boolean {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const id = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'is not a valid id (letters, digits, "-", "_", ".")'),
);
const partialDate = v.pipe(
  v.string(),
  v.regex(PARTIAL_DATE, (issue) => `${JSON.stringify(issue.input)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`),
  // The regex above reports the format; this reports months and days that do not exist.
  v.check((s) => !PARTIAL_DATE.test(s) || isPartialDate(s), (issue) => `${JSON.stringify(issue.input)} is not a real date`),
);
const webUrl = v.pipe(
  v.string(),
  v.check((s) => /^https?:\/\//i.test(s), (issue) => `${JSON.stringify(issue.input)} is not an http(s) URL`),
);
const sourceIds = v.pipe(v.array(id), v.minLength(1, 'needs at least one source'));

// Intl knows every ISO 3166-1 region; these codes are well-formed but name no country.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB']);
// Made on first use: the first Intl.DisplayNames of a page loads ICU's region data (~40 ms).
let regionNames: Intl.DisplayNames | undefined;

export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    return regionNames.of(code) !== undefined;
  } catch {
    return false;
  }
}

const countryCode = v.pipe(
  v.string(),
  v.regex(/^[A-Z]{2}$/, (issue) => `${JSON.stringify(issue.input)} is not an ISO 3166-1 code`),
  v.check((s) => !/^[A-Z]{2}$/.test(s) || isCountryCode(s), (issue) => `${JSON.stringify(issue.input)} is not an ISO 3166-1 code`),
);

export const SOURCE_KINDS = ['ngo-report', 'news', 'government', 'court', 'chinese-official', 'encyclopedia'] as const;
/**
 * How a source's text was read: at its publisher, as a licensed wire or syndicated
 * copy on another outlet's site, as a government, parliament or court record, or as
 * a copy on a site with no claim to the text (content farm, aggregator, forum, mirror).
 */
export const SOURCE_ACCESS = ['original', 'syndicated', 'official-record', 'copy'] as const;
export const STATION_STATUSES = ['reported', 'under-investigation', 'closed', 'denied'] as const;
export const PRECISIONS = ['address', 'city', 'region', 'country'] as const;
export const RESPONSE_KINDS = [
  'investigation',
  'closure',
  'statement',
  'arrest',
  'charges',
  'conviction',
  'agreement',
  'denial',
] as const;
export const EVENT_KINDS = [
  'repatriation',
  'persuasion',
  'opening',
  'report',
  'investigation',
  'closure',
  'arrest',
  'charges',
  'conviction',
  'statement',
  'agreement',
] as const;

export const SourceSchema = v.object({
  id,
  publisher: text,
  title: text,
  date: partialDate,
  url: webUrl,
  kind: v.picklist(SOURCE_KINDS, (issue) => `${JSON.stringify(issue.input)} is not one of ${SOURCE_KINDS.join(', ')}`),
  access: v.optional(v.picklist(SOURCE_ACCESS, (issue) => `${JSON.stringify(issue.input)} is not one of ${SOURCE_ACCESS.join(', ')}`)),
  /** URL of the copy actually read, where it differs from the original. */
  readVia: v.optional(webUrl),
  language: v.optional(v.string()),
  archiveUrl: v.optional(webUrl),
  excerpt: v.optional(v.string()),
  /** A note where the outlet is partisan or secondary. */
  reliability: v.optional(v.string()),
  /** The editors' research note (what was searched, why this copy stands): never shown to readers. */
  editorNote: v.optional(v.string()),
});

export const BureauSchema = v.object({
  id,
  name: text,
  nameZh: v.optional(v.string()),
  province: text,
});

export const LocationSchema = v.object({
  lat: v.pipe(v.number(), v.minValue(-90, 'latitude must be between -90 and 90'), v.maxValue(90, 'latitude must be between -90 and 90')),
  lon: v.pipe(v.number(), v.minValue(-180, 'longitude must be between -180 and 180'), v.maxValue(180, 'longitude must be between -180 and 180')),
  precision: v.picklist(PRECISIONS, (issue) => `${JSON.stringify(issue.input)} is not one of ${PRECISIONS.join(', ')}`),
});

export const StationSchema = v.object({
  id,
  country: countryCode,
  city: v.optional(v.string()),
  location: v.optional(LocationSchema),
  /** A bureau id, or "unknown" where no source names one (never guessed). */
  bureau: id,
  firstReported: v.optional(partialDate),
  /** Which `meta.reportedTotals` counts include this site; [] = named only by others. */
  listedIn: v.array(id),
  status: v.picklist(STATION_STATUSES, (issue) => `${JSON.stringify(issue.input)} is not one of ${STATION_STATUSES.join(', ')}`),
  statusDate: v.optional(partialDate),
  notes: v.optional(v.string()),
  sources: sourceIds,
});

export const RESPONSE_BY = ['host', 'china'] as const;

export const ResponseSchema = v.object({
  date: partialDate,
  /** Who responded: the host government (default) or the Chinese side (an embassy's denial, say). */
  by: v.optional(v.picklist(RESPONSE_BY, (issue) => `${JSON.stringify(issue.input)} is not one of ${RESPONSE_BY.join(', ')}`)),
  kind: v.picklist(RESPONSE_KINDS, (issue) => `${JSON.stringify(issue.input)} is not one of ${RESPONSE_KINDS.join(', ')}`),
  summary: text,
  sources: sourceIds,
});

export const CountrySchema = v.object({
  code: countryCode,
  /** What sources say about the number of stations, where they differ. */
  notes: v.optional(v.string()),
  responses: v.array(ResponseSchema),
  sources: v.optional(v.array(id)),
});

export const EventSchema = v.object({
  id,
  date: partialDate,
  end: v.optional(partialDate),
  kind: v.picklist(EVENT_KINDS, (issue) => `${JSON.stringify(issue.input)} is not one of ${EVENT_KINDS.join(', ')}`),
  countries: v.optional(v.array(countryCode)),
  /** e.g. "European Union"; with `countries` also absent the event is worldwide. */
  region: v.optional(v.string()),
  station: v.optional(id),
  /** Persons only, never station counts. */
  people: v.optional(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0, 'must not be negative'))),
  /** True for figures the Chinese government published. */
  official: v.optional(v.boolean()),
  summary: text,
  sources: sourceIds,
});

export const ReportedTotalSchema = v.object({
  id,
  asOf: partialDate,
  stations: v.pipe(v.number(), v.integer()),
  countries: v.pipe(v.number(), v.integer()),
  /** The source id of the report that gave the count. */
  source: id,
});

export const MetaSchema = v.object({
  title: text,
  description: v.string(),
  updated: partialDate,
  version: text,
  license: text,
  credit: text,
  methodologyUrl: v.optional(v.string()),
  reportedTotals: v.array(ReportedTotalSchema),
});

export type Source = v.InferOutput<typeof SourceSchema>;
export type SourceKind = Source['kind'];
export type SourceAccess = NonNullable<Source['access']>;
export type Bureau = v.InferOutput<typeof BureauSchema>;
export type StationLocation = v.InferOutput<typeof LocationSchema>;
export type Station = v.InferOutput<typeof StationSchema>;
export type StationStatus = Station['status'];
export type CountryResponse = v.InferOutput<typeof ResponseSchema>;
export type Country = v.InferOutput<typeof CountrySchema>;
export type OpsEvent = v.InferOutput<typeof EventSchema>;
export type EventKind = OpsEvent['kind'];
export type ReportedTotal = v.InferOutput<typeof ReportedTotalSchema>;
export type Meta = v.InferOutput<typeof MetaSchema>;

export interface Dataset {
  schemaVersion: 1;
  meta: Meta;
  sources: Source[];
  bureaus: Bureau[];
  stations: Station[];
  countries: Country[];
  events: OpsEvent[];
}

/** The record lists, in the order they are validated (sources first: others cite them). */
export const RECORD_LISTS = {
  sources: SourceSchema,
  bureaus: BureauSchema,
  stations: StationSchema,
  countries: CountrySchema,
  events: EventSchema,
} as const;

/** Used only to generate the JSON Schema file; run-time validation goes record by record. */
export const DatasetSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  meta: MetaSchema,
  sources: v.array(SourceSchema),
  bureaus: v.array(BureauSchema),
  stations: v.array(StationSchema),
  countries: v.array(CountrySchema),
  events: v.array(EventSchema),
});
