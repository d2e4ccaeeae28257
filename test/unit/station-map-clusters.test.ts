import { expect } from '@open-wc/testing';
import Supercluster from 'supercluster';
import { loadBasemap } from '../../src/components/station-map/basemap.js';
import {
  badgeSize,
  clusterStations,
  hitRadius,
  MARKER_GAP,
  MAX_LEVEL,
  MIN_LEVEL,
  MIN_TARGET,
  worldPixel,
  type Badge,
  type Cluster,
  type Markers,
} from '../../src/components/station-map/geo.js';
import { viewFor } from '../../src/components/station-map/view.js';
import type { Station } from '../../src/data/schema.js';
import { validateDataset } from '../../src/data/validate.js';

const REAL = new URL('/data/overseas-police-stations.json', location.href).href;

/**
 * The merge as first written: after every merge the search begins again from the first marker,
 * and every box is computed anew at every check. clusterStations must give exactly this.
 */
function plainClusters(stations: Station[], level: number, badges: Badge[]): Markers {
  type Box = [number, number, number, number];
  const clusterBox = (c: Cluster): Box => {
    const [x, y] = worldPixel(c.lon, c.lat, level);
    const r = hitRadius(c.stations.length) + MARKER_GAP / 2;
    return [x - r, y - r, x + r, y + r];
  };
  const badgeBox = (b: Badge): Box => {
    const [x, y] = worldPixel(b.lon, b.lat, level);
    const [w, h] = badgeSize(String(b.stations.length).length);
    return [x - w / 2 - MARKER_GAP / 2, y - h / 2 - MARKER_GAP / 2, x + w / 2 + MARKER_GAP / 2, y + h / 2 + MARKER_GAP / 2];
  };
  const overlap = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  const placed = (key: string, list: Station[], points: [number, number][]): Cluster => {
    const pts = list.filter((s) => s.location).map((s) => [s.location!.lon, s.location!.lat] as [number, number]);
    const use = pts.length ? pts : points;
    return { key, lon: use.reduce((sum, p) => sum + p[0], 0) / use.length, lat: use.reduce((sum, p) => sum + p[1], 0) / use.length, stations: list };
  };
  const located = stations.filter((s) => s.location);
  const index = new Supercluster<{ i: number }>({ radius: MIN_TARGET + MARKER_GAP, extent: 512 / 2 ** -MIN_LEVEL, minZoom: 0, maxZoom: MAX_LEVEL - MIN_LEVEL - 1 });
  index.load(located.map((s, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [s.location!.lon, s.location!.lat] } })));
  const clusters: Cluster[] = index.getClusters([-180, -90, 180, 90], level - MIN_LEVEL).map((f) => {
    const members =
      'cluster' in f.properties && f.properties.cluster
        ? index.getLeaves(f.properties.cluster_id as number, Infinity).map((l) => located[l.properties.i]!)
        : [located[f.properties.i]!];
    members.sort((a, b) => located.indexOf(a) - located.indexOf(b));
    return placed(`${level}:${members[0]!.id}`, members, []);
  });
  clusters.sort((a, b) => located.indexOf(a.stations[0]!) - located.indexOf(b.stations[0]!));
  let shown = [...badges];
  const badgePoints = new Map<Station, [number, number]>();
  for (const b of badges) for (const s of b.stations) badgePoints.set(s, [b.lon, b.lat]);
  const merge = (a: Cluster, b: { stations: Station[] }): Cluster => {
    const list = [...a.stations, ...b.stations];
    return placed(a.key, list, list.filter((s) => !s.location).map((s) => badgePoints.get(s)!));
  };
  for (let changed = true; changed; ) {
    changed = false;
    outer: for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        if (overlap(clusterBox(clusters[i]!), clusterBox(clusters[j]!))) {
          clusters[i] = merge(clusters[i]!, clusters[j]!);
          clusters.splice(j, 1);
          changed = true;
          break outer;
        }
      }
      for (const b of shown) {
        if (overlap(clusterBox(clusters[i]!), badgeBox(b))) {
          clusters[i] = merge(clusters[i]!, b);
          shown = shown.filter((x) => x !== b);
          changed = true;
          break outer;
        }
      }
    }
    if (changed) continue;
    for (let i = 0; i < shown.length && !changed; i++) {
      for (let j = i + 1; j < shown.length; j++) {
        if (overlap(badgeBox(shown[i]!), badgeBox(shown[j]!))) {
          const [a, b] = [shown[i]!, shown[j]!];
          clusters.push(placed(`${level}:${a.stations[0]!.id}`, [...a.stations, ...b.stations], [[a.lon, a.lat], [b.lon, b.lat]]));
          shown = shown.filter((x) => x !== a && x !== b);
          changed = true;
          break;
        }
      }
    }
  }
  return { clusters, badges: shown };
}

const summary = (m: Markers) => ({
  clusters: m.clusters.map((c) => `${c.key} ${c.lon} ${c.lat} ${c.stations.map((s) => s.id).join(',')}`),
  badges: m.badges.map((b) => `${b.code} ${b.stations.map((s) => s.id).join(',')}`),
});

/** The real stations, and copies of them moved by up to a few degrees (ten times as many, packed closer). */
function jittered(stations: Station[], copies: number): Station[] {
  const out = [...stations];
  for (let k = 1; k < copies; k++) {
    for (const [n, s] of stations.entries()) {
      const d = Math.sin(n * 12.9898 + k * 78.233) * 3;
      out.push({ ...s, id: `${s.id}-x${k}`, ...(s.location ? { location: { ...s.location, lon: s.location.lon + d, lat: Math.max(-80, Math.min(80, s.location.lat - d / 2)) } } : {}) });
    }
  }
  return out;
}

describe('station map clusters', () => {
  it('merges touching markers exactly as the plain search does, at every level, filtered or not', async () => {
    const [geo, raw] = await Promise.all([loadBasemap(), fetch(REAL).then((r) => r.json())]);
    const { dataset } = validateDataset(raw);
    const sets: [string, Station[], Badge[]][] = [];
    for (const bureau of [undefined, ...dataset.bureaus.map((b) => b.id)]) {
      const view = viewFor(undefined, dataset, geo, undefined, bureau);
      sets.push([bureau ?? 'all', view.located, view.badges]);
    }
    const all = viewFor(undefined, dataset, geo, undefined, undefined);
    sets.push(['jittered ×10', jittered(all.located, 10), all.badges]);
    let merges = 0;
    for (const [name, located, badges] of sets) {
      for (let level = MIN_LEVEL; level <= MAX_LEVEL; level++) {
        const fast = clusterStations(located, level, badges);
        const plain = plainClusters(located, level, badges);
        expect(summary(fast), `${name} at level ${level}`).to.deep.equal(summary(plain));
        merges += located.length + badges.length - fast.clusters.length - fast.badges.length;
      }
    }
    // The comparison means something only if markers were merged along the way (badges into clusters included).
    expect(merges).to.be.above(100);
  });
});
