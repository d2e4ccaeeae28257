/**
 * What the SVG preview and the MapLibre view share, so nothing jumps when one
 * replaces the other: the Web Mercator projection fitted to the same bounds,
 * the camera MapLibre needs to show exactly that, and the clusters.
 */
import { geoBounds, geoMercator, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPoint, MultiPolygon, Polygon, Position } from 'geojson';
import type { Station } from '../../data/schema.js';

/** The world view: everything but Antarctica and the high Arctic. [[west, south], [east, north]]. */
export const WORLD_BOUNDS: [[number, number], [number, number]] = [
  [-180, -56],
  [180, 76],
];

/** MapLibre's tiles are 512 px: at zoom z the world is 512·2^z px wide. */
const TILE = 512;

function boundsFeature([[w, s], [e, n]]: [[number, number], [number, number]]): Feature<MultiPoint> {
  // The two corners are enough for d3's fit (a box polygon would be read as a spherical shape).
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[w, s], [e, n]] } };
}

/** Mercator fitted to `bounds` inside width × height pixels (centred, like MapLibre's fitBounds). */
export function projectionFor(width: number, height: number, bounds = WORLD_BOUNDS): GeoProjection {
  return geoMercator().fitSize([width, height], boundsFeature(bounds));
}

export interface Camera {
  center: [number, number];
  zoom: number;
}

/** The MapLibre camera that shows what `projection` shows in a width × height box. */
export function cameraFor(projection: GeoProjection, width: number, height: number): Camera {
  const center = projection.invert!([width / 2, height / 2])!;
  return { center: [center[0], center[1]], zoom: Math.log2((2 * Math.PI * projection.scale()) / TILE) };
}

/** Bounds of a country's shape, padded; shapes that cross the antimeridian fall back to the world. */
export function boundsOf(shape: Feature, pad = 0.15): [[number, number], [number, number]] {
  const [[w, s], [e, n]] = geoBounds(shape);
  if (e < w) return WORLD_BOUNDS;
  const dx = Math.max((e - w) * pad, 1);
  const dy = Math.max((n - s) * pad, 1);
  return [
    [Math.max(-180, w - dx), Math.max(-85, s - dy)],
    [Math.min(180, e + dx), Math.min(85, n + dy)],
  ];
}

/**
 * Rings that cross the antimeridian (Russia's Chukotka, Fiji) are drawn by a
 * planar renderer as bands across the whole map; shifting their western
 * longitudes by 360° keeps them in one piece. d3-geo needs no such help.
 */
export function fixAntimeridian(collection: FeatureCollection<Polygon | MultiPolygon>): FeatureCollection<Polygon | MultiPolygon> {
  const fixRing = (ring: Position[]): Position[] => {
    let crosses = false;
    for (let i = 1; i < ring.length; i++) if (Math.abs(ring[i]![0]! - ring[i - 1]![0]!) > 180) crosses = true;
    return crosses ? ring.map(([x, y]) => [x! < 0 ? x! + 360 : x!, y!]) : ring;
  };
  const fixPolygon = (rings: Position[][]) => rings.map(fixRing);
  return {
    type: 'FeatureCollection',
    features: collection.features.map((f) => ({
      ...f,
      geometry:
        f.geometry.type === 'Polygon'
          ? { type: 'Polygon', coordinates: fixPolygon(f.geometry.coordinates) }
          : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map(fixPolygon) },
    })),
  };
}

/** Web Mercator in world pixels at zoom z (0 = 512 px wide). */
export function worldPixel(lon: number, lat: number, zoom: number): [number, number] {
  const size = TILE * 2 ** zoom;
  const sin = Math.min(Math.max(Math.sin((lat * Math.PI) / 180), -0.9999), 0.9999);
  return [((lon + 180) / 360) * size, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size];
}

export interface Cluster {
  /** Stable across renders: the level and the first station's id. */
  key: string;
  lon: number;
  lat: number;
  stations: Station[];
}

/** Clustering radius in screen pixels, and the deepest level (beyond it only stations at the same point stay together). */
export const CLUSTER_RADIUS = 24;
export const MAX_LEVEL = 8;

/** The cluster level MapLibre shows at a (fractional) zoom, and the preview uses at that zoom. */
export function levelFor(zoom: number): number {
  return Math.max(0, Math.min(MAX_LEVEL, Math.floor(zoom + 1e-9)));
}

/**
 * Greedy clustering in the dataset's order: each station not yet taken starts
 * a cluster and takes every free station within CLUSTER_RADIUS pixels at
 * `level`. The preview and MapLibre both draw these, so they show the same.
 */
export function clusterStations(stations: Station[], level: number): Cluster[] {
  const located = stations.filter((s) => s.location);
  const points = located.map((s) => worldPixel(s.location!.lon, s.location!.lat, level));
  const taken = new Array<boolean>(located.length).fill(false);
  const radius = level >= MAX_LEVEL ? 0.5 : CLUSTER_RADIUS;
  const clusters: Cluster[] = [];
  for (let i = 0; i < located.length; i++) {
    if (taken[i]) continue;
    taken[i] = true;
    const members = [i];
    for (let j = i + 1; j < located.length; j++) {
      if (taken[j]) continue;
      const [x0, y0] = points[i]!;
      const [x1, y1] = points[j]!;
      if (Math.hypot(x1 - x0, y1 - y0) <= radius) {
        taken[j] = true;
        members.push(j);
      }
    }
    const lon = members.reduce((sum, m) => sum + located[m]!.location!.lon, 0) / members.length;
    const lat = members.reduce((sum, m) => sum + located[m]!.location!.lat, 0) / members.length;
    clusters.push({ key: `${level}:${located[i]!.id}`, lon, lat, stations: members.map((m) => located[m]!) });
  }
  return clusters;
}

/**
 * SVG path data for shapes under a d3 Mercator (scale and translate only, as
 * projectionFor makes): the same formula as d3's, without its adaptive
 * resampling and spherical clipping, which cost ~100 ms for the 110m world and
 * buy nothing here. Rings across the antimeridian must be fixed first
 * (fixAntimeridian): what lies east of 180° is then drawn east of the map's
 * edge, exactly as MapLibre draws it with renderWorldCopies off.
 */
export function mercatorPaths(collection: FeatureCollection<Polygon | MultiPolygon>, projection: GeoProjection): string[] {
  const k = projection.scale();
  const [tx, ty] = projection.translate();
  const rad = Math.PI / 180;
  const limit = 85 * rad;
  const ring = (points: Position[]): string => {
    let d = '';
    for (let i = 0; i < points.length; i++) {
      const [lon, lat] = points[i]!;
      const phi = Math.max(-limit, Math.min(limit, lat! * rad));
      const x = tx + k * lon! * rad;
      const y = ty - k * Math.log(Math.tan(Math.PI / 4 + phi / 2));
      d += `${i ? 'L' : 'M'}${Math.round(x * 100) / 100},${Math.round(y * 100) / 100}`;
    }
    return `${d}Z`;
  };
  return collection.features.map((f) =>
    (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).map((p) => p.map(ring).join('')).join(''),
  );
}

/** Marker size relative to a 640 px wide map: smaller on phones, so Europe stays legible. */
export function markerScale(width: number): number {
  return Math.max(0.65, Math.min(1, width / 640));
}

/** Radius of a station (1) or cluster marker, in CSS pixels; both renderers use it. */
/** Width and height of a "N not located" badge box, in CSS pixels (the preview's rect, MapLibre's image). */
export function badgeSize(chars: number, scale: number): [number, number] {
  return [(chars * 6.5 + 8) * scale, 16 * scale];
}

export function markerRadius(n: number, scale: number): number {
  return scale * (n === 1 ? 6 : Math.min(9 + 2.4 * Math.sqrt(n), 21));
}

/** The Mercator the country paths are computed in once per page: the world 1000 units wide, centred on 500,500. */
export const UNIT_SCALE = 1000 / (2 * Math.PI);

/** SVG transform that takes paths drawn at UNIT_SCALE to `projection` (which only scales and translates). */
export function unitTransform(projection: GeoProjection): string {
  const s = projection.scale() / UNIT_SCALE;
  const [tx, ty] = projection.translate();
  return `translate(${tx - 500 * s} ${ty - 500 * s}) scale(${s})`;
}

export interface ScreenPoint {
  x: number;
  y: number;
}

/**
 * The marker an arrow key leads to from `from`, in the preview and in MapLibre alike:
 * the nearest one ahead in direction `dir`, where sideways distance counts double.
 */
export function nextInDirection<T extends ScreenPoint>(items: T[], from: ScreenPoint, dir: [number, number]): T | undefined {
  let best = Infinity;
  let next: T | undefined;
  for (const item of items) {
    const dx = item.x - from.x;
    const dy = item.y - from.y;
    const along = dx * dir[0] + dy * dir[1];
    if (along <= 0) continue;
    const score = along + 2 * Math.abs(dx * dir[1] + dy * dir[0]);
    if (score < best) [best, next] = [score, item];
  }
  return next;
}

export const ARROW_DIRECTIONS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
