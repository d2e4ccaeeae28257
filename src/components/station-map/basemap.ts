/**
 * The basemap that ships with the library: Natural Earth 1:110m country
 * shapes (world-atlas), in a chunk of its own so the element's code and the
 * geometry load in parallel with the dataset. No tile, glyph or sprite server.
 *
 * The shapes come projected, as SVG path data (scripts/build-basemap.mjs): the preview draws
 * them as they are. Their GeoJSON (for MapLibre, a `country` filter's bounds, the tests) is read
 * back from the same data the first time something asks for it.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { outlineRings } from './geo.js';

export interface Basemap {
  /** Each shape as SVG path data in outline units (geo.ts: unitTransform places them on a view). */
  outlines: string[];
  /** ISO 3166-1 alpha-2 code of each shape, in the same order (undefined: a disputed area's shape, drawn as land). */
  ids: (string | undefined)[];
  /** Country shapes as GeoJSON, `id` = the code (shapes of disputed areas have none); rings across the antimeridian shifted east. */
  readonly countries: FeatureCollection<Polygon | MultiPolygon>;
  /** A [lon, lat] inside each country (checked when the file was built). */
  labelPoints: Record<string, [number, number]>;
}

let pending: Promise<Basemap> | undefined;

/** Loads the geometry once per page. */
export function loadBasemap(): Promise<Basemap> {
  pending ??= import('./basemap-110m.js').then(({ ids, rings, outlines, labelPoints }) => {
    let countries: FeatureCollection<Polygon | MultiPolygon> | undefined;
    const features = (): Feature<Polygon | MultiPolygon>[] =>
      outlines.map((d, i) => {
        const all = outlineRings(d);
        const polygons = rings[i]!.map((n) => all.splice(0, n));
        const id = ids[i] ?? undefined;
        return {
          type: 'Feature',
          ...(id ? { id } : {}),
          properties: {},
          geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons },
        };
      });
    return {
      outlines,
      ids: ids.map((id) => id ?? undefined),
      get countries() {
        return (countries ??= { type: 'FeatureCollection', features: features() });
      },
      labelPoints,
    };
  });
  pending.catch(() => (pending = undefined));
  return pending;
}
