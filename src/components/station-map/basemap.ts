/**
 * The basemap that ships with the library: Natural Earth 1:110m country
 * shapes (world-atlas), in a chunk of its own so the element's code and the
 * geometry load in parallel with the dataset. No tile, glyph or sprite server.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';

export interface Basemap {
  /** Country shapes, `id` = ISO 3166-1 alpha-2 (shapes of disputed areas have none). */
  countries: FeatureCollection<Polygon | MultiPolygon>;
  /** A [lon, lat] inside each country (checked when the file was built). */
  labelPoints: Record<string, [number, number]>;
}

let pending: Promise<Basemap> | undefined;

/** Loads the geometry once per page. */
export function loadBasemap(): Promise<Basemap> {
  pending ??= import('./basemap-110m.js').then(({ topology, labelPoints }) => ({
    countries: feature(topology, topology.objects['countries'] as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon>,
    labelPoints,
  }));
  pending.catch(() => (pending = undefined));
  return pending;
}
