/**
 * What the map draws, derived from the dataset, the element's filters and its width: pure
 * functions, the same for the SVG preview and for MapLibre, so both show one map.
 */
import { geoContains, type GeoProjection } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Dataset, Station } from '../../data/schema.js';
import type { Basemap } from './basemap.js';
import {
  boundsOf,
  cameraFor,
  clusterStations,
  levelFor,
  projectionFor,
  WORLD_BOUNDS,
  type Badge,
  type Camera,
  type Cluster,
  type Markers,
} from './geo.js';

export type { Badge } from './geo.js';

/** World view width ÷ height (Web Mercator, WORLD_BOUNDS); the box keeps it at every width. */
export const ASPECT = (() => {
  const p = projectionFor(1000, 1000);
  const [[x0, y0], [x1, y1]] = [p(WORLD_BOUNDS[0])!, p(WORLD_BOUNDS[1])!];
  return Math.abs(x1 - x0) / Math.abs(y1 - y0);
})();

/**
 * Below this width (the element's own, 40rem at the default font size) the map is a phone map:
 * a taller box that opens on Europe, where most stations are. The stylesheet's container query
 * uses the same number, so the box's shape is right before any script has measured it.
 */
export const NARROW_MAX = 640;
/** Width ÷ height of the map box on a phone (about Europe's shape in Web Mercator). */
export const NARROW_ASPECT = 1.2;

export type Region = 'world' | 'europe' | 'americas' | 'africa' | 'asia-pacific';

/** The views a reader can switch between, by their bounds ([[west, south], [east, north]]). */
export const REGIONS: Record<Region, [[number, number], [number, number]]> = {
  world: WORLD_BOUNDS,
  europe: [[-11, 35], [32, 61]],
  americas: [[-130, -56], [-34, 60]],
  africa: [[-20, -36], [56, 38]],
  'asia-pacific': [[60, -48], [180, 56]],
};

export function isNarrow(width: number): boolean {
  return width > 0 && width <= NARROW_MAX;
}

/** The region the map opens on: the world, or Europe on a phone. */
export function defaultRegion(width: number): Region {
  return isNarrow(width) ? 'europe' : 'world';
}

export interface View {
  dataset: Dataset;
  geo: Basemap;
  country: string | undefined;
  bureau: string | undefined;
  stations: Station[];
  located: Station[];
  badges: Badge[];
  /** Countries with unlocated stations but no shape in the 110m outlines (listed, never placed). */
  shapeless: string[];
  hosts: Set<string>;
  bureauIndex: Map<string, number>;
  focus?: Feature<Polygon | MultiPolygon>;
  /** Markers by level, filled as levels are asked for (markersAt): each level is clustered once per view. */
  levels: Map<number, Markers>;
  /** The outlines joined by what they are drawn as, by the focused countries' codes (outlineGroups). */
  outlineGroups: Map<string, OutlineGroups>;
}

/** What the preview draws of the land: one path per kind, the focused countries (outlined) last, on top. */
export interface OutlineGroups {
  /** Countries without a station, and shapes without a code. */
  land: string;
  /** Countries with a station in this view. */
  host: string;
  /** Countries to outline (the `country` filter's, the selected one's), each with its path data. */
  focus: { code: string; host: boolean; d: string }[];
}

export type Selected =
  | { kind: 'station'; id: string }
  | { kind: 'cluster'; key: string; ids: string[] }
  | { kind: 'country'; code: string };

/** The view for these inputs: `previous` when nothing it depends on changed. */
export function viewFor(
  previous: View | undefined,
  dataset: Dataset,
  geo: Basemap,
  country: string | undefined,
  bureau: string | undefined,
): View {
  if (previous && previous.dataset === dataset && previous.geo === geo && previous.country === country && previous.bureau === bureau) {
    return previous;
  }
  const code = country?.toUpperCase();
  const stations = dataset.stations.filter((s) => (!code || s.country === code) && (!bureau || s.bureau === bureau));
  const byCountry = new Map<string, Station[]>();
  for (const s of stations) if (!s.location) byCountry.set(s.country, [...(byCountry.get(s.country) ?? []), s]);
  const badges: Badge[] = [];
  const shapeless: string[] = [];
  for (const [c, list] of byCountry) {
    const point = geo.labelPoints[c];
    if (point) badges.push({ code: c, stations: list, lon: point[0], lat: point[1] });
    else shapeless.push(c);
  }
  return {
    dataset,
    geo,
    country,
    bureau,
    stations,
    located: stations.filter((s) => s.location),
    badges,
    shapeless,
    hosts: new Set(stations.map((s) => s.country)),
    // Bureaus keep the dataset's order so a colour means the same bureau on every map.
    bureauIndex: new Map(dataset.bureaus.map((b, i) => [b.id, i])),
    focus: code ? geo.countries.features.find((f) => f.id === code) : undefined,
    levels: new Map(),
    outlineGroups: new Map(),
  };
}

/**
 * The outlines as the preview draws them: a few paths, not one per country (a country is never a
 * target of its own: markers are). Joined once per view and focus.
 */
export function outlineGroups(view: View, selectedCountry: string | undefined): OutlineGroups {
  const focused = [...new Set([view.focus?.id as string | undefined, selectedCountry])].filter((c): c is string => !!c);
  const key = focused.join(' ');
  let groups = view.outlineGroups.get(key);
  if (!groups) {
    const land: string[] = [];
    const host: string[] = [];
    const focus: OutlineGroups['focus'] = [];
    view.geo.ids.forEach((id, i) => {
      const d = view.geo.outlines[i]!;
      const isHost = !!id && view.hosts.has(id);
      if (id && focused.includes(id)) focus.push({ code: id, host: isHost, d });
      else (isHost ? host : land).push(d);
    });
    view.outlineGroups.set(key, (groups = { land: land.join(''), host: host.join(''), focus }));
  }
  return groups;
}

/** The box the map is drawn in, in CSS pixels (640 wide until the element has been measured). */
export function mapSize(width: number): [number, number] {
  const w = width || 640;
  return [w, Math.round(w / (isNarrow(w) ? NARROW_ASPECT : ASPECT))];
}

/** The preview's projection: the region, or the filtered country with a margin. */
export function projectionOf(view: View | undefined, [w, h]: [number, number], region: Region = 'world'): GeoProjection {
  return projectionFor(w, h, view?.focus ? boundsOf(view.focus) : REGIONS[region]);
}

/** The MapLibre camera that shows what the preview shows. */
export function cameraOf(view: View | undefined, size: [number, number], region: Region = 'world'): Camera {
  return cameraFor(projectionOf(view, size, region), size[0], size[1]);
}

/** Clusters and badges at one level, the same for the preview and MapLibre. */
export function markersAt(view: View, level: number): Markers {
  let markers = view.levels.get(level);
  if (!markers) view.levels.set(level, (markers = clusterStations(view.located, level, view.badges)));
  return markers;
}

export function clustersAt(view: View, level: number): Cluster[] {
  return markersAt(view, level).clusters;
}

/** The markers MapLibre starts with, at the preview's zoom. */
export function previewMarkers(view: View, size: [number, number], region: Region = 'world'): Markers {
  return markersAt(view, levelFor(cameraOf(view, size, region).zoom));
}

/** Stations drawn inside each region's view (located ones at their place, the others at their country's badge). */
export function regionCounts(view: View): Record<Region, number> {
  const points = [
    ...view.located.map((s) => [s.location!.lon, s.location!.lat]),
    ...view.badges.flatMap((b) => b.stations.map(() => [b.lon, b.lat])),
  ] as [number, number][];
  const inside = ([[w, s], [e, n]]: [[number, number], [number, number]]) =>
    points.filter(([lon, lat]) => lon >= w && lon <= e && lat >= s && lat <= n).length;
  return Object.fromEntries(Object.entries(REGIONS).map(([r, b]) => [r, r === 'world' ? view.stations.length : inside(b)])) as Record<Region, number>;
}

/** What a marker key names: a country badge, or a cluster at the level the key starts with. */
export function markerByKey(view: View, key: string): { badge?: Badge; cluster?: Cluster } {
  if (key.startsWith('badge:')) return { badge: view.badges.find((b) => `badge:${b.code}` === key) };
  return { cluster: clustersAt(view, Number(key.split(':')[0])).find((c) => c.key === key) };
}

export function badgeKey(badge: Badge): string {
  return `badge:${badge.code}`;
}

/** Keys of what is selected, for highlighting markers in both renderers. */
export function selectedKeys(selected: Selected | null): string[] {
  if (!selected) return [];
  if (selected.kind === 'cluster') return [selected.key];
  if (selected.kind === 'country') return [`badge:${selected.code}`];
  return [`station:${selected.id}`];
}

export function selectedCountry(selected: Selected | null): string | undefined {
  return selected?.kind === 'country' ? selected.code : undefined;
}

export function bureauClass(index: number | undefined): string {
  return index === undefined ? 'b-unknown' : `b${(index % 5) + 1}`;
}

/** The classes drawn in a cluster's ring, in this order (bureaus in the dataset's order, unknown last). */
export const RING_CLASSES = ['b1', 'b2', 'b3', 'b4', 'b5', 'b-unknown'] as const;

/** A cluster's bureau mix: [class, count] in ring order, classes absent from the cluster left out. */
export function bureauMix(view: View, stations: Station[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of stations) {
    const cls = bureauClass(view.bureauIndex.get(s.bureau));
    counts.set(cls, (counts.get(cls) ?? 0) + 1);
  }
  return RING_CLASSES.filter((c) => counts.has(c)).map((c) => [c, counts.get(c)!]);
}

/** Exposed for tests: the point a badge is drawn at lies inside its country. */
export function badgeInside(basemap: Basemap, code: string): boolean {
  const shape = basemap.countries.features.find((f) => f.id === code);
  const point = basemap.labelPoints[code];
  return !!shape && !!point && geoContains(shape, point);
}
