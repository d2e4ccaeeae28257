/**
 * UI strings of <ops-station-map> in English, Simplified and Traditional
 * Chinese. Country names, dates, numbers and lists come from Intl.
 */
import type { BuiltInLang } from '../../shared/locales.js';
import type { ElementStrings } from '../../shared/strings.js';

export interface SummaryFacts {
  stations: number;
  countries: number;
  /** "87 of the 102 stations in …" — absent when the dataset has no report count. */
  listed?: { listed: number; total: number; report: string };
  /** "Italy (11), Spain (9) and …", already formatted. */
  top: string;
  unlocated: number;
}

export interface MapStrings {
  title: string;
  mapLabel: string;
  summary(f: SummaryFacts): string;
  filtered(shown: number, total: number, what: string): string;
  explore: string;
  loadingMap: string;
  reset: string;
  zoomIn: string;
  zoomOut: string;
  noWebgl: string;
  mapFailed: string;
  showList: string;
  hideList: string;
  legend: string;
  cluster: string;
  hostCountry: string;
  notLocatedLong: string;
  listLabel: string;
  stations(n: number): string;
  /** `bureaus`: "Fuzhou 3, unknown 9", already formatted (what the ring shows). */
  clusterLabel(n: number, places: string, bureaus: string): string;
  /** Names the group of region buttons above the map. */
  regionsLabel: string;
  regions: Record<'world' | 'europe' | 'americas' | 'africa' | 'asia-pacific', string>;
  stationLabel(city: string, country: string, bureau: string): string;
  badgeLabel(n: number, country: string): string;
  previewHint: string;
  /** The interactive map's keys, read with its name. */
  glHint: string;
  gestureHint: string;
  close: string;
  status: string;
  firstReported: string;
  notes: string;
  sources: string;
  showSources(n: number): string;
  location: string;
  locationPrecision: Record<'address' | 'city' | 'region' | 'country', string>;
  inCluster(n: number): string;
  unlocatedIn(country: string): string;
  noShape(list: string): string;
  attribution: string;
  unknownCity: string;
}

const en: MapStrings = {
  title: 'Where the stations were reported',
  mapLabel: 'Map of reported overseas police stations',
  summary: (f) =>
    `${f.stations} ${f.stations === 1 ? 'site' : 'sites'} in ${f.countries} ${f.countries === 1 ? 'country' : 'countries'} ${f.stations === 1 ? 'is' : 'are'} listed here` +
    (f.listed ? `, ${f.listed.listed} of the ${f.listed.total} stations in ${f.listed.report}` : '') +
    (f.top ? `; the most in ${f.top}` : '') +
    (f.unlocated ? `; ${f.unlocated} ${f.unlocated === 1 ? 'is' : 'are'} known only by country.` : '.'),
  filtered: (shown, total, what) => `Showing ${shown} of ${total} sites: ${what}.`,
  explore: 'Explore the map',
  loadingMap: 'Loading the interactive map…',
  reset: 'Reset view',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  noWebgl: 'The interactive map needs WebGL, which this browser does not offer; this is a static map.',
  mapFailed: 'The interactive map could not be loaded; this is a static map.',
  showList: 'Show as list',
  hideList: 'Hide list',
  legend: 'Operating bureau',
  cluster: 'Several stations: the ring shows their bureaus',
  hostCountry: 'Country with a reported station',
  notLocatedLong: 'Stations known only by country (number)',
  stations: (n) => `${n} ${n === 1 ? 'station' : 'stations'}`,
  clusterLabel: (n, places, bureaus) => `${n} stations: ${places}; bureaus: ${bureaus}`,
  regionsLabel: 'Map view',
  regions: { world: 'World', europe: 'Europe', americas: 'Americas', africa: 'Africa, Middle East', 'asia-pacific': 'Asia-Pacific' },
  stationLabel: (city, country, bureau) => `${city}, ${country} (${bureau})`,
  badgeLabel: (n, country) => `${n} not located: ${country}, ${n} ${n === 1 ? 'station' : 'stations'} without a reported location`,
  listLabel: 'Reported stations by country',
  previewHint: 'Arrow keys move between stations; Enter shows details; + or − opens the interactive map.',
  glHint: 'Arrow keys move between stations; Enter shows details; Shift and an arrow key move the map; + or − zooms.',
  gestureHint: 'To zoom the map, use two fingers, or hold Ctrl (⌘ on a Mac) and scroll.',
  close: 'Close',
  status: 'Status',
  firstReported: 'First reported',
  notes: 'Notes',
  sources: 'Sources',
  showSources: (n) => `Sources (${n})`,
  location: 'Location',
  locationPrecision: {
    address: 'street address',
    city: 'city (placed at the city centre)',
    region: 'region',
    country: 'country only',
  },
  inCluster: (n) => `${n} stations here`,
  unlocatedIn: (country) => `In ${country}, location not reported`,
  noShape: (list) => `Too small for this map’s outlines, listed below: ${list}.`,
  attribution: 'Outlines: Natural Earth',
  unknownCity: 'Location not reported',
};

/** What the map's parts read: the shared strings, and the map's own as `t.map`. */
export type MapText = ElementStrings<'map', MapStrings>;

export const MAP_STRINGS: Record<BuiltInLang, MapStrings> = { en };
