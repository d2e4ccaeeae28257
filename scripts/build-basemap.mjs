// Builds src/components/station-map/basemap-110m.ts from world-atlas (Natural Earth
// 1:110m, public domain): the country shapes as TopoJSON, keyed by ISO 3166-1
// alpha-2 instead of numeric ids, plus a label point for each country that is
// checked to lie inside it (a centroid of the 110m shapes can fall in the sea).
//
// The shapes ship as SVG path data already projected (Web Mercator, the world OUTLINE_UNITS wide,
// whole units, relative lines): the preview draws them as they are, under a transform for its view
// (unitTransform), so the first paint decodes no TopoJSON and projects nothing. The same data, read
// back into longitudes and latitudes, is the GeoJSON that MapLibre and a `country` filter use.
// Run after updating world-atlas: node --import tsx scripts/build-basemap.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { geoArea, geoBounds, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import { fixAntimeridian, OUTLINE_CENTRE, OUTLINE_SCALE } from '../src/components/station-map/geo.ts';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const topo = JSON.parse(readFileSync(resolve(root, 'node_modules/world-atlas/countries-110m.json'), 'utf8'));
const version = JSON.parse(readFileSync(resolve(root, 'node_modules/world-atlas/package.json'), 'utf8')).version;

/** ISO 3166-1 numeric → alpha-2, for the shapes in the 110m file. Kosovo has no numeric code (matched by name). */
const ALPHA2 = {
  '004': 'AF', '008': 'AL', '010': 'AQ', '012': 'DZ', '024': 'AO', '031': 'AZ', '032': 'AR', '036': 'AU', '040': 'AT',
  '044': 'BS', '050': 'BD', '051': 'AM', '056': 'BE', '064': 'BT', '068': 'BO', '070': 'BA', '072': 'BW', '076': 'BR',
  '084': 'BZ', '090': 'SB', '096': 'BN', '100': 'BG', '104': 'MM', '108': 'BI', '112': 'BY', '116': 'KH', '120': 'CM',
  '124': 'CA', '140': 'CF', '144': 'LK', '148': 'TD', '152': 'CL', '156': 'CN', '158': 'TW', '170': 'CO', '178': 'CG',
  '180': 'CD', '188': 'CR', '191': 'HR', '192': 'CU', '196': 'CY', '203': 'CZ', '204': 'BJ', '208': 'DK', '214': 'DO',
  '218': 'EC', '222': 'SV', '226': 'GQ', '231': 'ET', '232': 'ER', '233': 'EE', '238': 'FK', '242': 'FJ', '246': 'FI',
  '250': 'FR', '260': 'TF', '262': 'DJ', '266': 'GA', '268': 'GE', '270': 'GM', '275': 'PS', '276': 'DE', '288': 'GH',
  '300': 'GR', '304': 'GL', '320': 'GT', '324': 'GN', '328': 'GY', '332': 'HT', '340': 'HN', '348': 'HU', '352': 'IS',
  '356': 'IN', '360': 'ID', '364': 'IR', '368': 'IQ', '372': 'IE', '376': 'IL', '380': 'IT', '384': 'CI', '388': 'JM',
  '392': 'JP', '398': 'KZ', '400': 'JO', '404': 'KE', '408': 'KP', '410': 'KR', '414': 'KW', '417': 'KG', '418': 'LA',
  '422': 'LB', '426': 'LS', '428': 'LV', '430': 'LR', '434': 'LY', '440': 'LT', '442': 'LU', '450': 'MG', '454': 'MW',
  '458': 'MY', '466': 'ML', '478': 'MR', '484': 'MX', '496': 'MN', '498': 'MD', '499': 'ME', '504': 'MA', '508': 'MZ',
  '512': 'OM', '516': 'NA', '524': 'NP', '528': 'NL', '540': 'NC', '548': 'VU', '554': 'NZ', '558': 'NI', '562': 'NE',
  '566': 'NG', '578': 'NO', '586': 'PK', '591': 'PA', '598': 'PG', '600': 'PY', '604': 'PE', '608': 'PH', '616': 'PL',
  '620': 'PT', '624': 'GW', '626': 'TL', '630': 'PR', '634': 'QA', '642': 'RO', '643': 'RU', '646': 'RW', '682': 'SA',
  '686': 'SN', '688': 'RS', '694': 'SL', '703': 'SK', '704': 'VN', '705': 'SI', '706': 'SO', '710': 'ZA', '716': 'ZW',
  '724': 'ES', '728': 'SS', '729': 'SD', '732': 'EH', '740': 'SR', '748': 'SZ', '752': 'SE', '756': 'CH', '760': 'SY',
  '762': 'TJ', '764': 'TH', '768': 'TG', '780': 'TT', '784': 'AE', '788': 'TN', '792': 'TR', '795': 'TM', '800': 'UG',
  '804': 'UA', '807': 'MK', '818': 'EG', '826': 'GB', '834': 'TZ', '840': 'US', '854': 'BF', '858': 'UY', '860': 'UZ',
  '862': 'VE', '887': 'YE', '894': 'ZM',
};
const BY_NAME = { Kosovo: 'XK' };

const geometries = [];
for (const g of topo.objects.countries.geometries) {
  const code = g.id !== undefined ? ALPHA2[g.id] : BY_NAME[g.properties.name];
  if (g.id !== undefined && !code) throw new Error(`no alpha-2 code for ${g.id} (${g.properties.name})`);
  if (code === 'AQ') continue; // below the map's bounds
  // Shapes without a code (N. Cyprus, Somaliland) stay as land, without an id.
  geometries.push({ type: g.type, arcs: g.arcs, ...(code ? { id: code } : {}) });
}

/** Planar distance from a point to a ring's edges, in degrees. */
function ringDistance([x, y], ring) {
  let best = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[j];
    const [bx, by] = ring[i];
    const dx = bx - ax;
    const dy = by - ay;
    const t = dx || dy ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy))) : 0;
    best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
  }
  return best;
}

/** The point of the country's largest polygon farthest from its edges, on a grid, checked with geoContains. */
function labelPoint(f) {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const largest = polygons
    .map((coordinates) => ({ type: 'Polygon', coordinates }))
    .sort((a, b) => geoArea(b) - geoArea(a))[0];
  // A polygon across the antimeridian (Russia) is searched with its western longitudes shifted by 360°.
  const crosses = geoBounds(largest)[1][0] < geoBounds(largest)[0][0];
  const rings = largest.coordinates.map((ring) => ring.map(([x, y]) => [crosses && x < 0 ? x + 360 : x, y]));
  const xs = rings[0].map((c) => c[0]);
  const ys = rings[0].map((c) => c[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const wrap = ([x, y]) => [x > 180 ? x - 360 : x, y];
  let best;
  const N = 60;
  for (let i = 0; i <= N; i++) {
    for (let j = 0; j <= N; j++) {
      const p = [x0 + ((x1 - x0) * i) / N, y0 + ((y1 - y0) * j) / N];
      if (!geoContains(largest, wrap(p))) continue;
      const d = Math.min(...rings.map((ring) => ringDistance(p, ring)));
      if (!best || d > best.d) best = { p: wrap(p), d };
    }
  }
  if (!best || !geoContains(f, best.p)) throw new Error(`${f.id}: no label point inside`);
  return best.p.map((v) => Math.round(v * 100) / 100);
}

const countries = { type: 'GeometryCollection', geometries };
const out = { type: 'Topology', transform: topo.transform, arcs: topo.arcs, objects: { countries } };
const labels = {};
for (const f of feature(out, countries).features) if (f.id) labels[f.id] = labelPoint(f);

/**
 * A country as SVG path data in outline units: each ring "M x y", then "l" and the whole-unit steps
 * to each next point (none for a step that rounds to nothing), then "z". Rings across the
 * antimeridian are shifted first (fixAntimeridian): what lies east of 180° is drawn east of the map.
 */
function outline(f) {
  const rad = Math.PI / 180;
  const limit = 85 * rad;
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let d = '';
  for (const rings of polygons) {
    for (const ring of rings) {
      let px = 0;
      let py = 0;
      let steps = 0;
      ring.forEach(([lon, lat], i) => {
        const phi = Math.max(-limit, Math.min(limit, lat * rad));
        const x = Math.round(OUTLINE_CENTRE + OUTLINE_SCALE * lon * rad);
        const y = Math.round(OUTLINE_CENTRE - OUTLINE_SCALE * Math.log(Math.tan(Math.PI / 4 + phi / 2)));
        if (i === 0) d += `M${x} ${y}`;
        else if (x !== px || y !== py) {
          const [dx, dy] = [x - px, y - py];
          d += `${steps++ ? (dx < 0 ? '' : ' ') : 'l'}${dx}${dy < 0 ? '' : ' '}${dy}`;
        }
        [px, py] = [x, y];
      });
      d += 'z';
    }
  }
  return d;
}

const fixed = fixAntimeridian(feature(out, countries));
const outlines = fixed.features.map(outline);
const rings = fixed.features.map((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).map((p) => p.length));
const ids = fixed.features.map((f) => f.id ?? null);

writeFileSync(
  resolve(root, 'src/components/station-map/basemap-110m.ts'),
  `// Generated by scripts/build-basemap.mjs from world-atlas ${version} (Natural Earth 1:110m, public domain). Do not edit.\n` +
    `/* eslint-disable */\n` +
    `/** ISO 3166-1 alpha-2 code of each shape (Kosovo: XK); null for shapes of disputed areas. */\n` +
    `export const ids: (string | null)[] = ${JSON.stringify(ids)};\n` +
    `/** How many rings each polygon of each shape has (the first is its outer edge, the others its holes). */\n` +
    `export const rings: number[][] = ${JSON.stringify(rings)};\n` +
    `/** Each shape as SVG path data, projected (see geo.ts: OUTLINE_SCALE, OUTLINE_CENTRE). */\n` +
    `export const outlines: string[] = ${JSON.stringify(outlines)};\n` +
    `/** A [lon, lat] inside each country, for badges and labels. */\n` +
    `export const labelPoints: Record<string, [number, number]> = ${JSON.stringify(labels)};\n`,
);
console.log(`wrote basemap-110m.ts: ${geometries.length} shapes, ${Object.keys(labels).length} label points`);
