import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/station-map/define.js';
import type { OpsStationMap } from '../src/components/station-map/station-map.js';
import { badgeInside } from '../src/components/station-map/station-map.js';
import { loadBasemap } from '../src/components/station-map/basemap.js';
import { clusterStations, fixAntimeridian, levelFor, unitTransform } from '../src/components/station-map/geo.js';
import { mapSize, projectionOf, type Region } from '../src/components/station-map/view.js';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { emitSelect } from '../src/shared/events.js';
import { validateDataset } from '../src/data/validate.js';
import { text } from './helpers.js';

const MAP_URL = new URL('/test/fixtures/map-stations.json', location.href).href;

/** Lit's development-mode warnings (each is printed once per page): collected for the last test. */
const litWarnings: string[] = [];
const warn = console.warn;
console.warn = (...args: unknown[]) => {
  if (args.some((a) => typeof a === 'string' && a.includes('lit.dev/msg/') && !a.includes('lit.dev/msg/dev-mode'))) litWarnings.push(String(args[0]));
  warn.apply(console, args);
};

async function mapEl(attrs = '', width = 800): Promise<{ el: OpsStationMap; root: ShadowRoot }> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
  wrap.innerHTML = `<ops-station-map src="${MAP_URL}" ${attrs}></ops-station-map>`;
  const el = wrap.firstElementChild as OpsStationMap;
  await waitUntil(() => el.shadowRoot?.querySelector('svg [data-key]'), 'the SVG preview did not appear', { timeout: 5000 });
  await el.updateComplete;
  return { el, root: el.shadowRoot! };
}

const clusters = (root: ShadowRoot) => [...root.querySelectorAll<SVGGElement>('svg .cluster')];
const badges = (root: ShadowRoot) => [...root.querySelectorAll<SVGGElement>('svg .badge')];
const counts = (root: ShadowRoot) => clusters(root).map((g) => Number(g.dataset.count)).sort((a, b) => b - a);

describe('<ops-station-map> preview (SVG)', () => {
  it('draws every located station in clusters, and badges for stations known only by country', async () => {
    const { root } = await mapEl();
    // 800 px wide: zoom < 1, level 0. Europe (Milan ×2, Rome, Amsterdam, Pristina) and North America (Toronto, New York)
    // cluster; the badges of France, Italy and Kosovo would touch Europe's cluster, so they are folded into it.
    expect(counts(root)).to.deep.equal([8, 2, 1, 1]);
    expect(badges(root).map((b) => b.dataset.key).sort()).to.deep.equal(['badge:JP']);
    expect(text(root.querySelector('.badge[data-key="badge:JP"]'))).to.contain('1');
    expect(root.querySelector('.badge[data-key="badge:JP"]')!.getAttribute('aria-label')).to.equal(
      '1 not located: Japan, 1 station without a reported location',
    );
    // A cluster says in words what its ring shows.
    expect(clusters(root).find((g) => g.dataset.count === '2')!.getAttribute('aria-label')).to.equal(
      '2 stations: Toronto, New York; bureaus: Fuzhou 1, Nantong 1',
    );
    // Malta has no outline at 1:110m: its station is never placed at a made-up point, but named.
    expect(text(root.querySelector('.note'))).to.contain('Malta');
    // The land is two paths: every shape drawn once, the 9 countries with a station (Malta has no shape) in the host path.
    const { ids, outlines } = await loadBasemap();
    const { dataset } = validateDataset(await (await fetch(MAP_URL)).json());
    const hosts = new Set(dataset.stations.map((s) => s.country));
    expect(ids.filter((id) => id && hosts.has(id))).to.have.length(9);
    expect(root.querySelectorAll('svg path.country')).to.have.length(2);
    const d = (selector: string) => root.querySelector(selector)!.getAttribute('d');
    expect(d('svg path.country.host') === outlines.filter((_, i) => hosts.has(ids[i]!)).join(''), 'the host path draws the hosts').to.equal(true);
    expect(d('svg path.country:not(.host)') === outlines.filter((_, i) => !hosts.has(ids[i]!)).join(''), 'the land path draws the rest').to.equal(true);
    // Nothing is outlined as focused without a selection or `country` (shapes without a code included).
    expect(root.querySelectorAll('svg path.country.focus').length).to.equal(0);
  });

  it('opens on the world when wide and on Europe on a phone; the region buttons switch views, with their counts', async () => {
    const pressed = (root: ShadowRoot) => text(root.querySelector('[part="regions"] [aria-pressed="true"]'));
    const region = (root: ShadowRoot, name: string) =>
      [...root.querySelectorAll<HTMLButtonElement>('[part="regions"] button')].find((b) => text(b).startsWith(name))!;
    const wide = await mapEl();
    expect(pressed(wide.root)).to.equal('World 14');
    const box = (root: ShadowRoot) => root.querySelector('[part="map"]')!.getBoundingClientRect();
    expect(box(wide.root).width / box(wide.root).height).to.be.closeTo(1.91, 0.05);
    const phone = await mapEl('', 360);
    expect(pressed(phone.root)).to.match(/^Europe \d+$/);
    // A taller box on a phone, chosen by the element's width (a container query), not the window's.
    expect(box(phone.root).width / box(phone.root).height).to.be.closeTo(1.2, 0.05);
    expect(clusters(phone.root).some((g) => g.getAttribute('aria-label')!.includes('Sydney'))).to.equal(false);
    region(phone.root, 'World').click();
    await phone.el.updateComplete;
    expect(pressed(phone.root)).to.equal('World 14');
    expect(clusters(phone.root).some((g) => g.getAttribute('aria-label')!.includes('Sydney'))).to.equal(true);
    region(wide.root, 'Asia-Pacific').click();
    await wide.el.updateComplete;
    expect(clusters(wide.root).some((g) => g.getAttribute('aria-label')!.includes('Sydney'))).to.equal(true);
    expect(clusters(wide.root).some((g) => g.getAttribute('aria-label')!.includes('Toronto'))).to.equal(false);
    // Filtered to one country, the view is that country's: no region buttons.
    expect((await mapEl('country="IT"')).root.querySelector('[part="regions"]')).to.equal(null);
  });

  it('says in one sentence what the data holds, and no more', async () => {
    const { root } = await mapEl();
    expect(text(root.querySelector('[part="summary"]'))).to.equal(
      '14 sites in 10 countries are listed here, 8 of the 8 stations in Example NGO’s December 2022 count; the most in Italy (4) and Kosovo (2); 5 are known only by country.',
    );
  });

  it('shows a legend with every bureau on the map, "Unknown" included', async () => {
    const { root } = await mapEl();
    const legend = text(root.querySelector('[part="legend"]'));
    expect(legend).to.contain('Fuzhou (4)').and.contain('Qingtian (Lishui) (2)').and.contain('Nantong (2)').and.contain('Unknown (6)');
  });

  it('is one tab stop; arrow keys move between clusters, Enter selects and fires ops-select', async () => {
    const { el, root } = await mapEl('group="g-keys"');
    const focusable = root.querySelectorAll('svg [tabindex="0"]');
    expect(focusable.length).to.equal(1);
    const first = focusable[0] as SVGGElement;
    first.focus();
    const before = root.activeElement;
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await el.updateComplete;
    expect(root.activeElement).to.not.equal(before);
    expect(root.querySelectorAll('svg [tabindex="0"]').length).to.equal(1);
    // Move to Sydney (the single station in the far south-east) and select it.
    const sydney = clusters(root).find((g) => g.getAttribute('aria-label')!.startsWith('Sydney'))!;
    sydney.focus();
    const event = oneEvent(el, 'ops-select');
    sydney.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    const { detail } = await event;
    expect(detail).to.deep.equal({ group: 'g-keys', kind: 'station', id: 'm-sydney', country: 'AU' });
    await el.updateComplete;
    const details = root.querySelector('[part="details"]')!;
    expect(text(details)).to.contain('Sydney, Australia').and.contain('Unknown').and.contain('Reported');
  });

  it('shows a station’s details with its sources as <ops-source-card>', async () => {
    const { el, root } = await mapEl('country="IT"');
    // Zoomed to Italy: Milan's two stations are one cluster, with Italy's station known only by country folded in; Rome is on its own.
    const milan = clusters(root).find((g) => g.getAttribute('aria-label')!.includes('Milan'))!;
    expect(milan.dataset.count).to.equal('3');
    milan.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await el.updateComplete;
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('[part="details"] .station-button')];
    expect(buttons.map((b) => text(b))).to.deep.equal([
      'Milan, Italy · Qingtian (Lishui) · Reported',
      'Milan, Italy · Fuzhou · Reported',
      'Location not reported, Italy · Unknown · Reported',
    ]);
    buttons[1]!.click();
    await el.updateComplete;
    const card = root.querySelector('[part="details"] ops-source-card') as HTMLElement & { updateComplete: Promise<unknown> };
    expect(card.getAttribute('for')).to.equal('m-milan-2');
    await waitUntil(() => card.shadowRoot?.querySelectorAll('[part="card"]').length === 2, 'source cards did not render');
    expect(text(card.shadowRoot!.querySelector('[part="card"]'))).to.contain('Example report');
  });

  it('lists a country’s stations without a location when its badge is selected', async () => {
    // 2400 px: France's badge stands clear of the clusters.
    const { el, root } = await mapEl('group="g-badge"', 2400);
    const event = oneEvent(el, 'ops-select');
    root.querySelector<SVGGElement>('.badge[data-key="badge:FR"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect((await event).detail).to.deep.equal({ group: 'g-badge', kind: 'country', id: 'FR' });
    await el.updateComplete;
    const details = text(root.querySelector('[part="details"]'));
    expect(details).to.contain('France: 1 station').and.contain('Location not reported, France · Unknown · Under investigation');
  });

  it('follows selections made by other widgets in its group, and clears', async () => {
    const { el, root } = await mapEl('group="g-follow"');
    const { ids, outlines } = await loadBasemap();
    emitSelect(document.body, { group: 'g-follow', kind: 'station', id: 'm-ny', country: 'US' });
    await el.updateComplete;
    expect(text(root.querySelector('[part="details"] .details-title'))).to.equal('New York, United States');
    expect(root.querySelector('.cluster.selected')).to.not.equal(null);
    emitSelect(document.body, { group: 'other', kind: 'station', id: 'm-rome', country: 'IT' });
    await el.updateComplete;
    expect(text(root.querySelector('[part="details"] .details-title'))).to.equal('New York, United States');
    emitSelect(document.body, { group: 'g-follow', kind: 'country', id: 'IT' });
    await el.updateComplete;
    expect(text(root.querySelector('[part="details"] .details-title'))).to.equal('Italy: 4 stations');
    // The selected country is outlined (and no longer drawn in the host path).
    expect([...root.querySelectorAll('path.country.focus')].map((p) => p.getAttribute('data-code'))).to.deep.equal(['IT']);
    expect(root.querySelector('path.country.host:not(.focus)')!.getAttribute('d')!.includes(outlines[ids.indexOf('IT')]!), 'Italy left out of the host path').to.equal(false);
    emitSelect(document.body, { group: 'g-follow', kind: null, id: null });
    await el.updateComplete;
    expect(root.querySelector('[part="details"]')).to.equal(null);
  });

  it('does not take its own selection back as if it came from elsewhere (a cluster stays a cluster)', async () => {
    // Zoomed to Italy, the two Milan stations are one cluster in one country: selecting it also
    // selects Italy for the group, which must not turn this map's own selection into "Italy".
    const { el, root } = await mapEl('group="g-own" country="IT"');
    const milan = clusters(root).find((g) => g.dataset.count === '3')!;
    const event = oneEvent(el, 'ops-select');
    milan.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect((await event).detail).to.deep.equal({ group: 'g-own', kind: 'country', id: 'IT' });
    await el.updateComplete;
    expect(text(root.querySelector('[part="details"] .details-title'))).to.equal('3 stations here');
  });

  it('filters by country and by bureau', async () => {
    const italy = await mapEl('country="IT"');
    // Italy's station known only by country sits in Milan's cluster (its badge would touch it).
    expect(counts(italy.root)).to.deep.equal([3, 1]);
    expect(badges(italy.root)).to.have.length(0);
    expect(text(italy.root.querySelector('.filtered'))).to.equal('Showing 4 of 14 sites: Italy.');
    // Italy is outlined, on top of the rest, and drawn once: in its own path, not also in the host path.
    const { ids, outlines } = await loadBasemap();
    const italyOutline = outlines[ids.indexOf('IT')]!;
    const focus = italy.root.querySelectorAll('path.country.focus');
    expect([...focus].map((p) => [p.getAttribute('data-code'), p.classList.contains('host'), p.getAttribute('d') === italyOutline])).to.deep.equal([['IT', true, true]]);
    expect(focus[0]!.nextElementSibling).to.equal(null);
    expect(italy.root.querySelector('path.country.host:not(.focus)')!.getAttribute('d') === '', 'Italy is not in the host path too').to.equal(true);
    const nantong = await mapEl('bureau="nantong"');
    expect(counts(nantong.root)).to.deep.equal([1, 1]);
    expect(badges(nantong.root)).to.have.length(0);
    expect(text(nantong.root.querySelector('[part="legend"]'))).to.contain('Nantong (2)').and.not.contain('Fuzhou');
  });

  it('has a complete list alternative, grouped by country, behind "Show as list"', async () => {
    const { el, root } = await mapEl();
    const toggle = root.querySelector<HTMLButtonElement>('[part="list-toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const list = root.querySelector('[part="list"]')!;
    const ids = [...list.querySelectorAll<HTMLElement>('[data-station]')].map((li) => li.dataset.station).sort();
    const data = await (await fetch(MAP_URL)).json();
    expect(ids).to.deep.equal(data.stations.map((s: { id: string }) => s.id).sort());
    expect([...list.querySelectorAll<HTMLElement>('section')].map((s) => s.dataset.country)).to.deep.equal([
      'IT', 'XK', 'AU', 'CA', 'FJ', 'FR', 'JP', 'MT', 'NL', 'US',
    ]);
    const milan = list.querySelector('[data-station="m-milan-1"]')!;
    expect(text(milan)).to.contain('Qingtian (Lishui)').and.contain('Placeholder note for Milan.').and.contain('September 12, 2022');
    const sources = milan.querySelector('details')!;
    sources.open = true;
    await waitUntil(() => milan.querySelector('ops-source-card'), 'sources did not open');
  });

  it('passes axe, with the list and details open', async () => {
    const { el, root } = await mapEl();
    root.querySelector<HTMLButtonElement>('[part="list-toggle"]')!.click();
    clusters(root)[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('speaks Chinese, with country names from Intl', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="zh-TW" style="width: 800px"></div>`);
    wrap.innerHTML = `<ops-station-map src="${MAP_URL}"></ops-station-map>`;
    const el = wrap.firstElementChild as OpsStationMap;
    await waitUntil(() => el.shadowRoot?.querySelector('svg [data-key]'));
    const root = el.shadowRoot!;
    expect(text(root.querySelector('[part="summary"]'))).to.contain('本圖列出 10 個國家的 14 處站點').and.contain('義大利');
    expect(text(root.querySelector('[part="list-toggle"]'))).to.equal('以清單顯示');
    expect(text(root.querySelector('[part="explore"]'))).to.equal('瀏覽互動地圖');
  });

  it('keeps the SVG and never loads MapLibre with `static`', async () => {
    const { el, root } = await mapEl('static');
    expect(root.querySelector('[part="explore"]')).to.equal(null);
    await el.loadMap();
    expect(el.getAttribute('map-state')).to.equal('preview');
    expect(root.querySelector('svg')).to.not.equal(null);
  });
});

describe('station map geometry', () => {
  it('puts every badge point inside its country (France and Japan included), Kosovo too', async () => {
    const basemap = await loadBasemap();
    const codes = Object.keys(basemap.labelPoints);
    expect(codes).to.include.members(['FR', 'JP', 'XK', 'RU', 'FJ', 'US']);
    for (const code of codes) expect(badgeInside(basemap, code), code).to.equal(true);
  });

  it('ships outlines projected at build time where d3’s Mercator puts world-atlas’s shapes, in each default view (within 0.5 px)', async () => {
    const basemap = await loadBasemap();
    const atlas = (await (await fetch('/node_modules/world-atlas/countries-110m.json')).json()) as Topology;
    const source = feature(atlas, atlas.objects['countries'] as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon>;
    // The shapes in world-atlas's order, Antarctica (below the map's bounds) left out.
    const shapes = fixAntimeridian({ ...source, features: source.features.filter((f) => f.id !== '010') }).features;
    expect(basemap.outlines.length).to.equal(shapes.length);
    type Box = [number, number, number, number];
    const boxOf = (points: Position[]): Box => [
      Math.min(...points.map((p) => p[0]!)),
      Math.min(...points.map((p) => p[1]!)),
      Math.max(...points.map((p) => p[0]!)),
      Math.max(...points.map((p) => p[1]!)),
    ];
    const rings = (f: (typeof shapes)[number]) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat();
    const near = (a: Box, b: Box, tolerance: number, what: string) => a.forEach((v, k) => expect(Math.abs(v - b[k]!), what).to.be.below(tolerance));
    // The phone's Europe and the world on a wide screen (the two default views), and the world at the bench's 640 px.
    const views: [number, Region][] = [[1280, 'world'], [640, 'world'], [360, 'europe']];
    for (const [width, region] of views) {
      const [w, h] = mapSize(width);
      const projection = projectionOf(undefined, [w, h], region);
      const worldWidth = 2 * Math.PI * projection.scale();
      // What the browser draws: the shipped path data under the preview's transform, in CSS px.
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
      Object.assign(svg.style, { position: 'fixed', left: '0', top: '0', width: `${w}px`, height: `${h}px` });
      svg.innerHTML = `<g transform="${unitTransform(projection)}">${basemap.outlines.map((d) => `<path d="${d}"></path>`).join('')}</g>`;
      document.body.append(svg);
      const paths = [...svg.querySelectorAll('path')];
      shapes.forEach((f, i) => {
        const drawn = paths[i]!.getBoundingClientRect();
        // Where d3's geoMercator, the preview's projection, puts each vertex (a vertex shifted east of 180° is one world east).
        const expected = boxOf(
          rings(f).flat().map(([lon, lat]) => {
            const [x, y] = projection([lon! > 180 ? lon! - 360 : lon!, lat!])!;
            return [lon! > 180 ? x + worldWidth : x, y];
          }),
        );
        near([drawn.left, drawn.top, drawn.right, drawn.bottom], expected, 0.5, `${String(f.id)} (${f.properties?.['name']}) at ${width} px, ${region}`);
      });
      svg.remove();
    }
    // The GeoJSON read back from the outlines (MapLibre's, a filter's bounds) is world-atlas's, within 0.01°.
    basemap.countries.features.forEach((f, i) => near(boxOf(rings(f).flat()), boxOf(rings(shapes[i]!).flat()), 0.01, String(f.id)));
  });

  it('leaves no ring across the antimeridian for MapLibre', async () => {
    const { countries } = await loadBasemap();
    const fixed = fixAntimeridian(countries);
    for (const f of fixed.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polygons.flat()) {
        for (let i = 1; i < ring.length; i++) expect(Math.abs(ring[i]![0]! - ring[i - 1]![0]!), String(f.id)).to.be.below(180);
      }
    }
  });

  it('clusters stations at the same point together at every level', async () => {
    const { dataset } = validateDataset(await (await fetch(MAP_URL)).json());
    const deepest = clusterStations(dataset.stations, 8).clusters;
    expect(deepest.find((c) => c.stations.some((s) => s.id === 'm-milan-1'))!.stations.map((s) => s.id)).to.deep.equal([
      'm-milan-1',
      'm-milan-2',
    ]);
    // A world narrower than 512 px is below zoom 0: it has levels of its own, so markers do not overlap there either.
    expect(levelFor(-0.5)).to.equal(-1);
    expect(levelFor(2.7)).to.equal(2);
  });

});

describe('<ops-station-map> with MapLibre', function () {
  this.timeout(60000);

  async function ready(el: OpsStationMap) {
    await waitUntil(() => el.getAttribute('map-state') === 'ready', 'MapLibre did not reach idle', { timeout: 20000 });
    const { liveMaps } = await import('../src/components/station-map/gl-map.js');
    return liveMaps().find((m) => el.shadowRoot!.contains(m.map.getContainer()))!;
  }

  it('loads nothing of MapLibre until the reader interacts (a scroll that starts on the map is not a tap)', async () => {
    const { el, root } = await mapEl();
    const box = root.querySelector<HTMLElement>('[part="map"]')!;
    box.dispatchEvent(new PointerEvent('pointerdown', { clientX: 100, clientY: 100, isPrimary: true, bubbles: true }));
    box.dispatchEvent(new PointerEvent('pointerup', { clientX: 100, clientY: 160, isPrimary: true, bubbles: true }));
    await el.updateComplete;
    expect(el.getAttribute('map-state')).to.equal('preview');
    expect(performance.getEntriesByType('resource').some((r) => /maplibre-gl\.mjs|gl-map/.test(r.name))).to.equal(false);
    box.dispatchEvent(new PointerEvent('pointerdown', { clientX: 100, clientY: 100, isPrimary: true, bubbles: true }));
    box.dispatchEvent(new PointerEvent('pointerup', { clientX: 103, clientY: 102, isPrimary: true, bubbles: true }));
    await el.updateComplete;
    expect(el.getAttribute('map-state')).to.be.oneOf(['loading', 'ready']);
    await ready(el);
  });

  it('reaches idle with the same clusters as the preview, countries and stations queryable', async () => {
    const { el, root } = await mapEl();
    const previewCounts = counts(root);
    const started = performance.now();
    root.querySelector<HTMLButtonElement>('[part="explore"]')!.click();
    const gl = await ready(el);
    console.log(`MapLibre idle ${Math.round(performance.now() - started)} ms after "Explore the map"`);
    const map = gl.map;
    const level = levelFor(map.getZoom());
    const rendered = map.queryRenderedFeatures({ layers: ['ops-markers'] });
    expect(rendered.every((f) => f.properties['level'] === level)).to.equal(true);
    const glCounts = [...new Map(rendered.map((f) => [f.properties['key'], f.properties['count'] as number])).values()].sort((a, b) => b - a);
    expect(glCounts).to.deep.equal(previewCounts);
    const countries = new Set(map.queryRenderedFeatures({ layers: ['ops-land'] }).map((f) => f.properties['code']));
    for (const code of ['IT', 'FR', 'JP', 'US', 'AU', 'XK', 'RU', 'FJ']) expect(countries.has(code), code).to.equal(true);
    // The SVG is gone, the MapLibre stylesheet adopted, the canvas absolutely positioned (no resize loop).
    expect(root.querySelector('svg')).to.equal(null);
    expect(getComputedStyle(map.getCanvas()).position).to.equal('absolute');
    // The map fills the same box as the preview did.
    const box = root.querySelector<HTMLElement>('[part="map"]')!;
    expect(map.getContainer().clientHeight).to.be.closeTo(box.clientHeight, 1);
    expect(map.getContainer().clientWidth).to.be.closeTo(box.clientWidth, 1);
    expect(root.querySelector('[part="reset"]')).to.not.equal(null);
    // "Not located" badges keep the preview's dashed box and number, and clusters their counts: images
    // drawn at run time (no sprite server), and no text layer (no glyphs, no text shaders to compile).
    expect(map.hasImage('ops-badge-1') && map.hasImage('ops-badge-sel-1')).to.equal(true);
    expect(map.queryRenderedFeatures({ layers: ['ops-badges'] }).map((f) => f.properties['key'])).to.deep.equal(['badge:JP']); // as in the preview
    // Each marker is an image of the preview's shape: ring by bureau, disc and count, or a dot.
    const icons = map.queryRenderedFeatures({ layers: ['ops-marker-icons'] }).map((f) => f.properties['icon'] as string);
    expect(icons.length).to.equal(previewCounts.length);
    for (const id of icons) expect(map.hasImage(id), `image ${id}`).to.equal(true);
    expect(map.getStyle().layers.filter((l) => l.type === 'symbol' && l.layout?.['text-field'] !== undefined)).to.deep.equal([]);
  });

  it('adopts MapLibre’s own stylesheet into its shadow root when MapLibre loads', async () => {
    const { el, root } = await mapEl();
    await el.loadMap();
    await waitUntil(() => el.getAttribute('map-state') === 'ready', 'MapLibre did not reach idle', { timeout: 20000 });
    const css = await (await fetch('/node_modules/maplibre-gl/dist/maplibre-gl.css')).text();
    const adopted = root.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((r) => r.cssText).join('\n')).join('\n');
    expect(adopted).to.contain('.maplibregl-canvas');
    expect(css).to.contain('.maplibregl-canvas');
  });

  it('selects a cluster clicked in MapLibre and fires ops-select', async () => {
    const { el, root } = await mapEl('group="g-gl"', 2400);
    await el.loadMap();
    const gl = await ready(el);
    const map = gl.map;
    const sydney = map.queryRenderedFeatures({ layers: ['ops-markers'] }).find((f) => f.properties['count'] === 1 && Math.round((f.geometry as GeoJSON.Point).coordinates[0]!) === 151)!;
    const point = map.project((sydney.geometry as GeoJSON.Point).coordinates as [number, number]);
    const event = oneEvent(el, 'ops-select');
    map.fire('click', { point, lngLat: map.unproject(point), originalEvent: new MouseEvent('click') });
    expect((await event).detail).to.deep.equal({ group: 'g-gl', kind: 'station', id: 'm-sydney', country: 'AU' });
    await el.updateComplete;
    expect(text(root.querySelector('[part="details"] .details-title'))).to.equal('Sydney, Australia');
  });

  it('keeps the preview’s keys in MapLibre: arrows move between markers (announced), Enter selects, Shift + arrows pan', async () => {
    const { el, root } = await mapEl('group="g-gl-keys"', 1000);
    await el.loadMap();
    const gl = await ready(el);
    const map = gl.map;
    expect(map.getCanvas().getAttribute('aria-label')).to.contain('Arrow keys move between stations');
    map.getCanvas().focus();
    const center = map.getCenter();
    const live = () => text(root.querySelector('[aria-live="polite"]'));
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const first = live();
    expect(first).to.not.equal('');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(live()).to.not.equal(first);
    // Arrow keys moved the focus ring, not the map.
    expect(map.getCenter().lng).to.be.closeTo(center.lng, 1e-9);
    const ringed = gl.markers().filter((mk) => map.getFeatureState({ source: mk.key.startsWith('badge:') ? 'ops-badges' : 'ops-stations', id: mk.key })['focus']);
    expect(ringed.length).to.equal(1);
    // Enter shows the details of what was announced (a cluster here: its stations are listed).
    const announced = live();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const details = text(root.querySelector('[part="details"]'));
    if (announced.includes('not located')) expect(details).to.contain(announced.split(': ')[1]!.split(',')[0]!);
    else for (const place of announced.replace(/^.*?: /, '').split(';')[0]!.split(/, | and /)) expect(details).to.contain(place);
    // + zooms (MapLibre's key); zoomed in, Shift + an arrow pans (the whole world fits at first, so nothing to pan to).
    const zoom = map.getZoom();
    await sendKeys({ press: '+' });
    await waitUntil(() => map.getZoom() > zoom + 0.5 && !map.isMoving(), '+ did not zoom in');
    const zoomed = map.getCenter();
    await sendKeys({ press: 'Shift+ArrowRight' });
    await waitUntil(() => map.getCenter().lng > zoomed.lng + 1 && !map.isMoving(), 'Shift + ArrowRight did not pan');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(live()).to.equal('');
    expect(root.querySelector('[part="details"]')).to.equal(null);
  });

  it('moves MapLibre to the region a reader picks, and keeps the preview’s markers there', async () => {
    const { el, root } = await mapEl();
    await el.loadMap();
    const gl = await ready(el);
    const world = gl.map.getZoom();
    [...root.querySelectorAll<HTMLButtonElement>('[part="regions"] button')].find((b) => text(b).startsWith('Europe'))!.click();
    await el.updateComplete;
    // The camera animates; on a loaded machine that takes longer than waitUntil's default second.
    await waitUntil(() => gl.map.getZoom() > world + 1 && !gl.map.isMoving(), 'the map did not move to Europe', { timeout: 10000 });
    // An idle map fires no further 'idle' by itself: ask for one frame so the wait always ends.
    const idle = new Promise((r) => gl.map.once('idle', r));
    gl.map.triggerRepaint();
    await idle;
    const keys = gl.markers().map((m) => m.key);
    expect(keys.length).to.be.above(0);
    expect(keys.every((k) => k.startsWith('badge:') || k.startsWith(`${levelFor(gl.map.getZoom())}:`))).to.equal(true);
    expect(text(root.querySelector('[part="regions"] [aria-pressed="true"]'))).to.match(/^Europe/);
  });

  it('outlines a country selected in another widget of its group', async () => {
    const { el } = await mapEl('group="g-gl-outline"');
    await el.loadMap();
    const gl = await ready(el);
    const outlined = () => JSON.stringify(gl.map.getFilter('ops-focus'));
    expect(outlined()).to.not.contain('"IT"');
    emitSelect(document.body, { group: 'g-gl-outline', kind: 'country', id: 'IT' });
    await el.updateComplete;
    expect(outlined()).to.contain('"IT"');
    gl.map.triggerRepaint();
    await new Promise((r) => gl.map.once('idle', r));
    expect(gl.map.queryRenderedFeatures({ layers: ['ops-focus'] }).some((f) => f.properties['code'] === 'IT')).to.equal(true);
    emitSelect(document.body, { group: 'g-gl-outline', kind: null, id: null });
    await el.updateComplete;
    expect(outlined()).to.not.contain('"IT"');
  });

  it('loads MapLibre by itself near the viewport with `autoload`', async () => {
    const { el } = await mapEl('autoload');
    await ready(el);
  });

  it('makes no request outside its own origin', async () => {
    const { el } = await mapEl();
    await el.loadMap();
    await ready(el);
    const foreign = performance
      .getEntriesByType('resource')
      .map((r) => r.name)
      .filter((url) => !url.startsWith(location.origin) && !/^(blob|data):/.test(url));
    expect(foreign).to.deep.equal([]);
  });

  it('keeps the SVG and says so when WebGL is missing', async () => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function () {
      return null;
    } as typeof original;
    try {
      const { el, root } = await mapEl();
      await el.loadMap();
      await el.updateComplete;
      expect(el.getAttribute('map-state')).to.equal('no-webgl');
      expect(root.querySelector('svg')).to.not.equal(null);
      expect(text(root.querySelector('.map-status'))).to.contain('needs WebGL');
    } finally {
      HTMLCanvasElement.prototype.getContext = original;
    }
  });

  it('leaves no live map after being mounted and removed 50 times', async () => {
    const { liveMaps } = await import('../src/components/station-map/gl-map.js');
    const before = liveMaps().length;
    const data = await (await fetch(MAP_URL)).json();
    const host = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
    let created = 0;
    for (let i = 0; i < 50; i++) {
      const el = document.createElement('ops-station-map') as OpsStationMap;
      el.data = data;
      host.append(el);
      await waitUntil(() => el.shadowRoot?.querySelector('svg [data-key]'), 'preview', { timeout: 5000 });
      await el.loadMap();
      if (liveMaps().length > before) created++;
      el.remove();
      expect(liveMaps().length).to.equal(before);
    }
    expect(created).to.equal(50);
  });

  it('never sets state in updated(): no Lit warning, with `autoload`, a rebuild, a resize or a selection', async () => {
    const { el, root } = await mapEl('autoload group="g-warn"', 900);
    await ready(el);
    el.theme = 'dark';
    await ready(el);
    el.parentElement!.style.width = '700px';
    root.querySelector<SVGGElement>('svg .cluster.one')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    emitSelect(document.body, { group: 'g-warn', kind: 'country', id: 'IT' });
    await new Promise((r) => setTimeout(r, 300));
    await el.updateComplete;
    // Every test in this file counts: Lit prints each kind of warning once per page.
    expect(litWarnings).to.deep.equal([]);
  });
});
