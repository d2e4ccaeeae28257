import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/station-map/define.js';
import type { OpsStationMap } from '../src/components/station-map/station-map.js';
import { levelFor, MIN_TARGET } from '../src/components/station-map/geo.js';
import { REGIONS } from '../src/components/station-map/view.js';

/** The bundled dataset: the real crowding (Europe), not a fixture's. */
const DATA_URL = new URL('/data/overseas-police-stations.json', location.href).href;
const WIDTHS = [320, 360, 768, 1280, 1440];
const ZOOMS = [1, 2, 3, 4, 5, 6];

interface Box {
  what: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const boxOf = (what: string, r: DOMRect): Box => ({ what, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom });
/** Boxes that share more than half a pixel (antialiasing aside) overlap. */
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;
const inside = (inner: Box, outer: Box) => inner.x0 >= outer.x0 - 0.5 && inner.y0 >= outer.y0 - 0.5 && inner.x1 <= outer.x1 + 0.5 && inner.y1 <= outer.y1 + 0.5;

function collisions(boxes: Box[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) found.push(`${boxes[i]!.what} × ${boxes[j]!.what}`);
  return found;
}

async function mapAt(width: number): Promise<{ el: OpsStationMap; root: ShadowRoot }> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
  wrap.innerHTML = `<ops-station-map src="${DATA_URL}"></ops-station-map>`;
  const el = wrap.firstElementChild as OpsStationMap;
  await waitUntil(() => el.shadowRoot?.querySelector('svg [data-key]'), 'the SVG preview did not appear', { timeout: 10000 });
  await el.updateComplete;
  return { el, root: el.shadowRoot! };
}

/** Every marker's hit area, and every label, which must lie inside its own marker and nowhere else. */
function previewBoxes(root: ShadowRoot): { markers: Box[]; problems: string[] } {
  const markers: Box[] = [];
  const problems: string[] = [];
  for (const g of root.querySelectorAll<SVGGElement>('svg [data-key]')) {
    const key = g.dataset.key!;
    const hit = boxOf(key, g.querySelector('.hit')!.getBoundingClientRect());
    if (hit.x1 - hit.x0 < MIN_TARGET - 0.5 || hit.y1 - hit.y0 < MIN_TARGET - 0.5) problems.push(`${key} is smaller than ${MIN_TARGET} px`);
    const label = g.querySelector('text');
    if (label && !inside(boxOf(`${key} label`, label.getBoundingClientRect()), hit)) problems.push(`${key}'s label leaves its marker`);
    markers.push(hit);
  }
  return { markers, problems };
}

describe('<ops-station-map>: nothing overlaps', function () {
  this.timeout(120000);

  for (const width of WIDTHS) {
    it(`SVG preview at ${width} px, in every regional view`, async () => {
      const { el, root } = await mapAt(width);
      // The phone layout opens on Europe; wider maps on the world.
      const pressed = () => root.querySelector('[part="regions"] [aria-pressed="true"]')!.textContent!;
      expect(pressed()).to.contain(width <= 640 ? 'Europe' : 'World');
      const buttons = [...root.querySelectorAll<HTMLButtonElement>('[part="regions"] button')];
      expect(buttons.length).to.equal(Object.keys(REGIONS).length);
      for (const button of buttons) {
        button.click();
        await el.updateComplete;
        const { markers, problems } = previewBoxes(root);
        const region = button.textContent!.trim();
        expect(markers.length, region).to.be.above(0);
        expect(problems, `${width} px, ${region}`).to.deep.equal([]);
        expect(collisions(markers), `${width} px, ${region}`).to.deep.equal([]);
      }
    });
  }

  for (const width of WIDTHS) {
    it(`MapLibre at ${width} px, zooms ${ZOOMS.join(', ')}`, async () => {
      const { el } = await mapAt(width);
      await el.loadMap();
      await waitUntil(() => el.getAttribute('map-state') === 'ready', 'MapLibre did not reach idle', { timeout: 30000 });
      const { liveMaps } = await import('../src/components/station-map/gl-map.js');
      const map = liveMaps().find((m) => el.shadowRoot!.contains(m.map.getContainer()))!.map;
      for (const zoom of ZOOMS) {
        map.jumpTo({ zoom, center: [10, 47] });
        await new Promise((r) => map.once('idle', r));
        const boxes: Box[] = [];
        for (const f of map.queryRenderedFeatures({ layers: ['ops-markers', 'ops-badge-marks'] })) {
          expect(f.properties['level'], `zoom ${zoom}`).to.equal(levelFor(zoom));
          const { x, y } = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
          const [hw, hh] = f.layer.id === 'ops-markers' ? [f.properties['r'], f.properties['r']] : [f.properties['w'] / 2, f.properties['h'] / 2];
          expect(2 * Math.min(hw, hh)).to.be.at.least(MIN_TARGET);
          boxes.push({ what: String(f.properties['key']), x0: x - hw, y0: y - hh, x1: x + hw, y1: y + hh });
        }
        const unique = [...new Map(boxes.map((b) => [b.what, b])).values()];
        expect(unique.length, `zoom ${zoom}`).to.be.above(0);
        expect(collisions(unique), `${width} px, zoom ${zoom}`).to.deep.equal([]);
      }
    });
  }
});

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('<ops-station-map>: bureau colours', () => {
  for (const theme of ['light', 'dark']) {
    it(`keep 3:1 against water, land and host countries (${theme})`, async () => {
      const el = await fixture<OpsStationMap>(html`<ops-station-map theme=${theme} .data=${{}}></ops-station-map>`);
      const token = (name: string) => getComputedStyle(el).getPropertyValue(name).trim().toLowerCase();
      const low: string[] = [];
      for (const mark of ['--_b1', '--_b2', '--_b3', '--_b4', '--_b5', '--_b-unknown', '--_cluster']) {
        for (const ground of ['--_water', '--_land', '--_host']) {
          expect(token(mark), mark).to.match(/^#[0-9a-f]{6}$/);
          const ratio = contrast(token(mark), token(ground));
          if (ratio < 3) low.push(`${mark} on ${ground}: ${ratio.toFixed(2)}`);
        }
      }
      expect(low).to.deep.equal([]);
    });
  }
});
