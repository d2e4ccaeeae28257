/** UI strings of <ops-country-table>, by UI language (shared ones: shared/strings.ts; names, dates and numbers: Intl). */
import type { BuiltInLang } from '../../shared/locales.js';
import type { CsvColumn } from './csv.js';

export interface TableStrings {
  caption: string;
  coverage(c: { listed: number; total: number; countries: number; totalCountries: number; report: string; others: number }): string;
  coverageUncounted(c: { stations: number; countries: number }): string;
  search: string;
  searchPlaceholder: string;
  matches(n: number): string;
  noMatches: string;
  noData: string;
  stations: string;
  bureaus: string;
  response: string;
  /** The response's label on phones, where each card labels its values. */
  responseShort: string;
  sources: string;
  showAll(n: number): string;
  showFewer: string;
  download: string;
  /** The download button's text on phones (the full text stays its accessible name). */
  downloadShort: string;
  expand(country: string): string;
  noResponse: string;
  cityUnknown: string;
  responsesLabel: string;
  notCounted(n: number): string;
  /** After a field's label on a phone card ("Sources: ", "来源："). */
  colon: string;
  sortBy: string;
  ascending: string;
  descending: string;
  /** The downloaded file's column heads. */
  csvHeader: Record<CsvColumn, string>;
}

const en: TableStrings = {
  caption: 'Reported overseas police stations by country',
  coverage: (c) =>
    `${c.listed} of the ${c.total} stations in ${c.report} are listed, in ${c.countries} of its ${c.totalCountries} countries` +
    (c.others ? `; ${c.others} further ${c.others === 1 ? 'site was' : 'sites were'} named by governments or other sources.` : '.'),
  coverageUncounted: (c) => `${c.stations} reported stations in ${c.countries} countries.`,
  search: 'Search',
  searchPlaceholder: 'Country, city or bureau',
  matches: (n) => `${n} ${n === 1 ? 'country matches' : 'countries match'}`,
  noMatches: 'No country matches your search.',
  noData: 'This dataset lists no stations yet.',
  stations: 'Stations',
  bureaus: 'Operating bureaus',
  response: 'Latest host-government response',
  responseShort: 'Latest response',
  sources: 'Sources',
  showAll: (n) => `Show all ${n} countries`,
  showFewer: 'Show fewer',
  download: 'Download data (CSV)',
  downloadShort: 'CSV',
  expand: (country) => `Stations in ${country}`,
  noResponse: 'None found in sources read',
  cityUnknown: 'Location not reported',
  responsesLabel: 'Government responses and statements',
  notCounted: (n) => `incl. ${n} from other sources`,
  colon: ': ',
  sortBy: 'Sort by',
  ascending: 'Ascending',
  descending: 'Descending',
  csvHeader: {
    station_id: 'station_id',
    country_code: 'country_code',
    country: 'country',
    city: 'city',
    latitude: 'latitude',
    longitude: 'longitude',
    location_precision: 'location_precision',
    bureau: 'bureau',
    status: 'status',
    status_date: 'status_date',
    first_reported: 'first_reported',
    listed_in: 'listed_in',
    notes: 'notes',
    source_ids: 'source_ids',
    source_urls: 'source_urls',
  },
};

export const TABLE_STRINGS: Record<BuiltInLang, TableStrings> = { en };
