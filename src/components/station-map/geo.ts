/**
 * What the SVG preview and the MapLibre view share, so nothing jumps when one
 * replaces the other: the Web Mercator projection fitted to the same bounds,
 * the camera MapLibre needs to show exactly that, and the clusters.
 */
import { geoBounds, geoMercator, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPoint, MultiPolygon, Polygon, Position } from 'geojson';
import Supercluster from 'supercluster';
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
  /** Located stations, then those known only by country that were folded into this marker. */
  stations: Station[];
}

/** A country's stations that have no reported location, drawn as a badge at a point inside the country. */
export interface Badge {
  code: string;
  stations: Station[];
  lon: number;
  lat: number;
}

/** What one cluster level draws: clusters, and the badges that stand clear of them. */
export interface Markers {
  clusters: Cluster[];
  badges: Badge[];
}

/**
 * Cluster levels are whole zooms; the world fitted to a phone is below zoom 0 (512 px wide), so
 * levels start at -2 (a 128 px world). Beyond MAX_LEVEL only what would overlap stays together.
 */
export const MIN_LEVEL = -2;
export const MAX_LEVEL = 8;

/** The cluster level MapLibre shows at a (fractional) zoom, and the preview uses at that zoom. */
export function levelFor(zoom: number): number {
  return Math.max(MIN_LEVEL, Math.min(MAX_LEVEL, Math.floor(zoom + 1e-9)));
}

/** The smallest target a reader can tap (WCAG 2.5.8), in CSS pixels: every marker's hit area is at least this. */
export const MIN_TARGET = 24;
/** Space kept between two markers' hit areas. */
export const MARKER_GAP = 2;

/** Radius of what is drawn for a station (1) or a cluster, in CSS pixels; both renderers use it. */
export function markerRadius(n: number): number {
  return n === 1 ? 7 : Math.min(13 + 2 * Math.sqrt(n), 24);
}

/** Radius of a marker's hit area (a station's dot is smaller than a finger). */
export function hitRadius(n: number): number {
  return Math.max(markerRadius(n), MIN_TARGET / 2);
}

/** Width and height of a badge's hit area; its dashed box is drawn BADGE_BOX px tall inside it. */
export function badgeSize(chars: number): [number, number] {
  return [Math.max(MIN_TARGET, chars * 7 + 12), MIN_TARGET];
}
export const BADGE_BOX = 18;
/** Width of a cluster's ring of bureau colours, in CSS pixels. */
export const RING = 4;

/** Screen box of a marker at a level, in world pixels: [x0, y0, x1, y1]. */
type Box = [number, number, number, number];

function clusterBox(c: Cluster, level: number): Box {
  const [x, y] = worldPixel(c.lon, c.lat, level);
  const r = hitRadius(c.stations.length) + MARKER_GAP / 2;
  return [x - r, y - r, x + r, y + r];
}

function badgeBox(b: Badge, level: number): Box {
  const [x, y] = worldPixel(b.lon, b.lat, level);
  const [w, h] = badgeSize(String(b.stations.length).length);
  return [x - w / 2 - MARKER_GAP / 2, y - h / 2 - MARKER_GAP / 2, x + w / 2 + MARKER_GAP / 2, y + h / 2 + MARKER_GAP / 2];
}

const overlap = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Where a cluster is drawn: the mean of its located stations (of its badges' points when it has none). */
function placed(key: string, stations: Station[], points: [number, number][]): Cluster {
  const pts = stations.filter((s) => s.location).map((s) => [s.location!.lon, s.location!.lat] as [number, number]);
  const use = pts.length ? pts : points;
  return {
    key,
    lon: use.reduce((sum, p) => sum + p[0], 0) / use.length,
    lat: use.reduce((sum, p) => sum + p[1], 0) / use.length,
    stations,
  };
}

/**
 * Stations by screen distance with supercluster (what MapLibre itself uses), radius following
 * the marker size; then any two markers whose hit areas would still touch at this level are
 * merged, and a badge that would touch a marker is folded into it (a badge touching a badge:
 * both become one marker). Both renderers draw these, so they show the same, and nothing
 * overlaps at any zoom of the level's band (zooming in only moves markers apart).
 *
 * The merges happen in a fixed order: the first touching pair in reading order (cluster i with
 * cluster j > i, then cluster i with a badge; badges with each other only when no cluster
 * touches anything), as if the search began again from the start after every merge. It does not
 * begin again: only the marker just changed can touch one before it, so the markers before it are
 * checked against that one alone (the result is the same; test/unit/station-map-clusters.test.ts
 * holds the plain search to compare with). Boxes are computed once per marker, not once per check.
 */
export function clusterStations(stations: Station[], level: number, badges: Badge[] = []): Markers {
  const located = stations.filter((s) => s.location);
  const index = new Supercluster<{ i: number }>({
    radius: MIN_TARGET + MARKER_GAP,
    // A 128-px tile: supercluster's zoom z is our level z - 2, so levels below 0 work (see MIN_LEVEL).
    extent: 512 / 2 ** -MIN_LEVEL,
    minZoom: 0,
    maxZoom: MAX_LEVEL - MIN_LEVEL - 1,
  });
  index.load(located.map((s, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [s.location!.lon, s.location!.lat] } })));
  // Members in the dataset's order (by their index in `located`), clusters by their first member.
  const clusters: Cluster[] = index
    .getClusters([-180, -90, 180, 90], level - MIN_LEVEL)
    .map((f) =>
      'cluster' in f.properties && f.properties.cluster
        ? index.getLeaves(f.properties.cluster_id as number, Infinity).map((l) => l.properties.i)
        : [f.properties.i],
    )
    .map((members) => members.sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!)
    .map((members) => {
      const list = members.map((i) => located[i]!);
      return placed(`${level}:${list[0]!.id}`, list, []);
    });
  // supercluster's clusters may still touch (their centres move to their members' mean), and badges are
  // not clustered at all: merge what touches. Each merge makes one marker fewer, so this ends.
  const boxes = clusters.map((c) => clusterBox(c, level));
  const shown = [...badges];
  const shownBoxes = shown.map((b) => badgeBox(b, level));
  const badgePoints = new Map<Station, [number, number]>();
  for (const b of badges) for (const s of b.stations) badgePoints.set(s, [b.lon, b.lat]);
  const merge = (a: Cluster, b: { stations: Station[] }): Cluster => {
    const stationsIn = [...a.stations, ...b.stations];
    return placed(a.key, stationsIn, stationsIn.filter((s) => !s.location).map((s) => badgePoints.get(s)!));
  };
  const replace = (i: number, c: Cluster) => {
    clusters[i] = c;
    boxes[i] = clusterBox(c, level);
  };
  /** Marker j merged into marker i (i < j), which takes the merged box. */
  const absorb = (i: number, j: number): void => {
    replace(i, merge(clusters[i]!, clusters[j]!));
    clusters.splice(j, 1);
    boxes.splice(j, 1);
  };
  // Markers before `dirty` touch nothing but, perhaps, the marker at `dirty` (the one last changed).
  let dirty = 0;
  for (;;) {
    let merged = -1;
    for (let i = 0; i < clusters.length && merged < 0; i++) {
      if (i < dirty) {
        if (overlap(boxes[i]!, boxes[dirty]!)) {
          absorb(i, dirty);
          merged = i;
        }
        continue;
      }
      for (let j = i + 1; j < clusters.length; j++) {
        if (overlap(boxes[i]!, boxes[j]!)) {
          absorb(i, j);
          merged = i;
          break;
        }
      }
      if (merged >= 0) break;
      for (let k = 0; k < shown.length; k++) {
        if (overlap(boxes[i]!, shownBoxes[k]!)) {
          replace(i, merge(clusters[i]!, shown[k]!));
          shown.splice(k, 1);
          shownBoxes.splice(k, 1);
          merged = i;
          break;
        }
      }
    }
    if (merged >= 0) {
      dirty = merged;
      continue;
    }
    // No marker touches another: badges that touch each other become one marker, appended last.
    let pair: [number, number] | undefined;
    for (let i = 0; i < shown.length && !pair; i++) {
      for (let j = i + 1; j < shown.length; j++) {
        if (overlap(shownBoxes[i]!, shownBoxes[j]!)) {
          pair = [i, j];
          break;
        }
      }
    }
    if (!pair) break;
    const [a, b] = [shown[pair[0]]!, shown[pair[1]]!];
    const c = placed(`${level}:${a.stations[0]!.id}`, [...a.stations, ...b.stations], [[a.lon, a.lat], [b.lon, b.lat]]);
    clusters.push(c);
    boxes.push(clusterBox(c, level));
    shown.splice(pair[1], 1);
    shownBoxes.splice(pair[1], 1);
    shown.splice(pair[0], 1);
    shownBoxes.splice(pair[0], 1);
    dirty = clusters.length - 1;
  }
  return { clusters, badges: shown };
}

/**
 * The Mercator the shipped outlines are drawn in (scripts/build-basemap.mjs): the world
 * OUTLINE_UNITS wide, centred on (OUTLINE_CENTRE, OUTLINE_CENTRE), in whole units (a unit is
 * 1/100 000 of the world's width: 0.05 px when Europe fills a phone).
 */
export const OUTLINE_UNITS = 100_000;
export const OUTLINE_SCALE = OUTLINE_UNITS / (2 * Math.PI);
export const OUTLINE_CENTRE = OUTLINE_UNITS / 2;

/** SVG transform that takes the outlines (OUTLINE_SCALE) to `projection` (which only scales and translates). */
export function unitTransform(projection: GeoProjection): string {
  const s = projection.scale() / OUTLINE_SCALE;
  const [tx, ty] = projection.translate();
  return `translate(${tx - OUTLINE_CENTRE * s} ${ty - OUTLINE_CENTRE * s}) scale(${s})`;
}

/** The outlines' path data read back into rings of [lon, lat] (rings across the antimeridian stay shifted east). */
export function outlineRings(d: string): Position[][] {
  const rad = Math.PI / 180;
  const rings: Position[][] = [];
  let ring: Position[] = [];
  let [x, y] = [0, 0];
  let absolute = false;
  const tokens = d.match(/[Mz]|-?\d+/g) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === 'M') absolute = true;
    else if (token === 'z') {
      const [first, last] = [ring[0]!, ring.at(-1)!];
      if (first[0] !== last[0] || first[1] !== last[1]) ring.push(first);
      rings.push(ring);
      ring = [];
    } else {
      const [dx, dy] = [Number(token), Number(tokens[++i])];
      [x, y] = absolute ? [dx, dy] : [x + dx, y + dy];
      absolute = false;
      ring.push([(x - OUTLINE_CENTRE) / OUTLINE_SCALE / rad, (2 * Math.atan(Math.exp((OUTLINE_CENTRE - y) / OUTLINE_SCALE)) - Math.PI / 2) / rad]);
    }
  }
  return rings;
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
