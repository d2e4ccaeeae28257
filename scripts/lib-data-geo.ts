/**
 * Is a station's point inside its country? Uses the world geometry the map
 * uses (world-atlas countries-110m, Natural Earth), so a point the check
 * accepts is a point the map draws inside the right shape. The 1:110m outlines
 * are coarse: a coastal or border city can fall just outside, so a point within
 * TOLERANCE_KM of its country's outline counts as inside.
 */
import { createRequire } from 'node:module';
import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { isoNumeric } from '../src/data/iso-numeric.js';

export const TOLERANCE_KM = 50;

let shapes: Map<string, Feature<Geometry>> | undefined;

function countryShapes(): Map<string, Feature<Geometry>> {
  if (!shapes) {
    const require = createRequire(import.meta.url);
    const world = require('world-atlas/countries-110m.json') as Topology;
    const collection = feature(world, world.objects.countries!) as FeatureCollection<Geometry>;
    shapes = new Map(collection.features.filter((f) => f.id !== undefined).map((f) => [String(f.id), f]));
  }
  return shapes;
}

export type PlaceCheck =
  | { result: 'inside' }
  | { result: 'near'; km: number }
  | { result: 'outside'; km: number }
  | { result: 'no-shape'; reason: string };

/** Where [lon, lat] lies relative to the country `alpha2`. */
export function checkPlace(alpha2: string, lon: number, lat: number): PlaceCheck {
  const numeric = isoNumeric(alpha2);
  if (numeric === undefined) {
    return { result: 'no-shape', reason: `${alpha2} has no ISO 3166-1 numeric code, so it has no id in world-atlas` };
  }
  const shape = countryShapes().get(numeric);
  if (!shape) return { result: 'no-shape', reason: `${alpha2} (${numeric}) is too small to be drawn in world-atlas countries-110m` };
  if (geoContains(shape, [lon, lat])) return { result: 'inside' };
  const km = Math.round(distanceToOutlineKm(shape.geometry, lon, lat));
  return km <= TOLERANCE_KM ? { result: 'near', km } : { result: 'outside', km };
}

/** Distance from a point to the nearest edge of a (multi)polygon, in km (locally flat: fine at this scale). */
function distanceToOutlineKm(geometry: Geometry, lon: number, lat: number): number {
  const rings: Position[][] =
    geometry.type === 'Polygon' ? geometry.coordinates : geometry.type === 'MultiPolygon' ? geometry.coordinates.flat() : [];
  const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
  const ky = 110.57;
  const project = ([x, y]: Position): [number, number] => {
    let dx = x! - lon;
    if (dx > 180) dx -= 360;
    if (dx < -180) dx += 360;
    return [dx * kx, (y! - lat) * ky];
  };
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = project(ring[i - 1]!);
      const [bx, by] = project(ring[i]!);
      const dx = bx - ax;
      const dy = by - ay;
      const len = dx * dx + dy * dy;
      const t = len ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len)) : 0;
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best;
}
