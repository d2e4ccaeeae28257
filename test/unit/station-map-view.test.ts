import { expect } from '@open-wc/testing';
import { loadBasemap } from '../../src/components/station-map/basemap.js';
import { MAX_LEVEL } from '../../src/components/station-map/geo.js';
import { cameraOf, clustersAt, mapSize, markerByKey, previewClusters, viewFor } from '../../src/components/station-map/view.js';
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
    const preview = previewClusters(view, mapSize(640));
    expect(previewClusters(view, mapSize(640))).to.equal(preview);
    for (let level = 0; level <= MAX_LEVEL; level++) {
      const clusters = clustersAt(view, level);
      expect(clustersAt(view, level)).to.equal(clusters);
      expect(clusters.reduce((n, c) => n + c.stations.length, 0)).to.equal(view.located.length);
      for (const c of clusters) expect(markerByKey(view, c.key).cluster).to.equal(c);
    }
    for (const b of view.badges) expect(markerByKey(view, `badge:${b.code}`).badge).to.equal(b);
  });
});
