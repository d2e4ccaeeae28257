import { expect } from '@open-wc/testing';
import { loadBasemap } from '../../src/components/station-map/basemap.js';
import { MAX_LEVEL, MIN_LEVEL } from '../../src/components/station-map/geo.js';
import { cameraOf, mapSize, markerByKey, markersAt, previewMarkers, regionCounts, viewFor } from '../../src/components/station-map/view.js';
import { validateDataset } from '../../src/data/validate.js';

const FIXTURE = '/test/fixtures/map-stations.json';

describe('station map view', () => {
  it('is derived once for the same inputs and anew when a filter changes', async () => {
    const [geo, raw] = await Promise.all([loadBasemap(), fetch(FIXTURE).then((r) => r.json())]);
    const { dataset } = validateDataset(raw);
    const view = viewFor(undefined, dataset, geo, undefined, undefined);
    expect(viewFor(view, dataset, geo, undefined, undefined)).to.equal(view);
    const italy = viewFor(view, dataset, geo, 'it', undefined);
    expect(italy).not.to.equal(view);
    expect(italy.stations.length).to.be.above(0);
    expect(italy.stations.every((s) => s.country === 'IT')).to.equal(true);
    expect(italy.focus?.id).to.equal('IT');
    // Zoomed to one country, the camera is closer than the world's.
    expect(cameraOf(italy, mapSize(800)).zoom).to.be.above(cameraOf(view, mapSize(800)).zoom);
  });

  it('clusters each level once, and finds a marker by its key without clustering again', async () => {
    const [geo, raw] = await Promise.all([loadBasemap(), fetch(FIXTURE).then((r) => r.json())]);
    const view = viewFor(undefined, validateDataset(raw).dataset, geo, undefined, undefined);
    const preview = previewMarkers(view, mapSize(640));
    expect(previewMarkers(view, mapSize(640))).to.equal(preview);
    const drawn = view.located.length + view.badges.reduce((n, b) => n + b.stations.length, 0);
    for (let level = MIN_LEVEL; level <= MAX_LEVEL; level++) {
      const markers = markersAt(view, level);
      expect(markersAt(view, level)).to.equal(markers);
      // Every station is drawn once at every level: in a cluster, or in its country's badge.
      const n = markers.clusters.reduce((sum, c) => sum + c.stations.length, 0) + markers.badges.reduce((sum, b) => sum + b.stations.length, 0);
      expect(n, `level ${level}`).to.equal(drawn);
      for (const c of markers.clusters) expect(markerByKey(view, c.key).cluster).to.equal(c);
    }
    for (const b of view.badges) expect(markerByKey(view, `badge:${b.code}`).badge).to.equal(b);
  });

  it('counts the stations in each regional view; the world counts every station', async () => {
    const [geo, raw] = await Promise.all([loadBasemap(), fetch(FIXTURE).then((r) => r.json())]);
    const view = viewFor(undefined, validateDataset(raw).dataset, geo, undefined, undefined);
    const counts = regionCounts(view);
    expect(counts.world).to.equal(view.stations.length);
    expect(counts.europe).to.be.above(0);
    expect(counts.europe).to.be.below(counts.world);
  });
});
