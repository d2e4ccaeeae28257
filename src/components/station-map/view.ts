/**
 * What the map draws, derived from the dataset, the element's filters and its width: pure
 * functions, the same for the SVG preview and for MapLibre, so both show one map.
 */
import { geoContains, geoMercator, type GeoProjection } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Dataset, Station } from '../../data/schema.js';
import type { Basemap } from './basemap.js';
import {
  boundsOf,
  cameraFor,
  clusterStations,
  fixAntimeridian,
  levelFor,
  mercatorPaths,
  projectionFor,
  UNIT_SCALE,
  WORLD_BOUNDS,
  type Camera,
  type Cluster,
} from './geo.js';

/** World view width ÷ height (Web Mercator, WORLD_BOUNDS); the box keeps it at every width. */
export const ASPECT = (() => {
  const p = projectionFor(1000, 1000);
  const [[x0, y0], [x1, y1]] = [p(WORLD_BOUNDS[0])!, p(WORLD_BOUNDS[1])!];
  return Math.abs(x1 - x0) / Math.abs(y1 - y0);
})();

/** A country's stations that have no reported location, drawn as a badge at a point inside it. */
export interface Badge {
  code: string;
  stations: Station[];
  lon: number;
  lat: number;
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
  /** Clusters by level, filled as levels are asked for (clustersAt): each level is clustered once per view. */
  levels: Cluster[][];
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
    levels: [],
  };
}

/** The box the map is drawn in, in CSS pixels (640 wide until the element has been measured). */
export function mapSize(width: number): [number, number] {
  const w = width || 640;
  return [w, Math.round(w / ASPECT)];
}

/** The preview's projection: the world, or the filtered country with a margin. */
export function projectionOf(view: View | undefined, [w, h]: [number, number]): GeoProjection {
  return projectionFor(w, h, view?.focus ? boundsOf(view.focus) : WORLD_BOUNDS);
}

/** The MapLibre camera that shows what the preview shows. */
export function cameraOf(view: View | undefined, size: [number, number]): Camera {
  return cameraFor(projectionOf(view, size), size[0], size[1]);
}

export function clustersAt(view: View, level: number): Cluster[] {
  return (view.levels[level] ??= clusterStations(view.located, level));
}

/** The clusters MapLibre starts with, at the preview's zoom. */
export function previewClusters(view: View, size: [number, number]): Cluster[] {
  return clustersAt(view, levelFor(cameraOf(view, size).zoom));
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

/** Country paths per basemap, shared by every map on the page. */
const unitPaths = new WeakMap<Basemap, string[]>();

/** Country outlines as SVG paths in unit coordinates, computed once per page (see unitTransform). */
export function outlinePaths(geo: Basemap): string[] {
  let paths = unitPaths.get(geo);
  if (!paths) {
    paths = mercatorPaths(fixAntimeridian(geo.countries), geoMercator().scale(UNIT_SCALE).translate([500, 500]));
    unitPaths.set(geo, paths);
  }
  return paths;
}

/** Exposed for tests: the point a badge is drawn at lies inside its country. */
export function badgeInside(basemap: Basemap, code: string): boolean {
  const shape = basemap.countries.features.find((f) => f.id === code);
  const point = basemap.labelPoints[code];
  return !!shape && !!point && geoContains(shape, point);
}
