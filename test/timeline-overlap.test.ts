import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/components/repatriation-timeline/define.js';
import type { OpsRepatriationTimeline } from '../src/components/repatriation-timeline/repatriation-timeline.js';
import type { Dataset } from '../src/data/schema.js';
import { loaded } from './helpers.js';

const REAL = new URL('/data/overseas-police-stations.json', location.href).href;
const WIDTHS = [320, 360, 680, 768, 1280, 1440];

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** The mark a shape or label belongs to (null: axis, titles, gaps). */
  owner: Element | null;
  what: string;
}

const boxOf = (el: Element, what: string): Box => {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, owner: el.closest('.mark'), what };
};
// Half a pixel of grace: anti-aliased edges that touch are not an overlap.
const overlaps = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

/** Every text of the drawing against every other text, and against every mark it does not belong to. */
function collisions(svg: SVGSVGElement): string[] {
  const name = (el: Element) => `"${el.textContent}"`;
  const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent!.trim()).map((t) => boxOf(t, name(t)));
  const shapes = [...svg.querySelectorAll('.mark rect, .mark circle')].map((s) =>
    boxOf(s, `mark ${s.closest('.mark')!.getAttribute('data-ids')}`),
  );
  const found: string[] = [];
  texts.forEach((a, i) => {
    for (const b of texts.slice(i + 1)) if (overlaps(a, b)) found.push(`${a.what} on ${b.what}`);
    for (const s of shapes) if (s.owner !== a.owner && overlaps(a, s)) found.push(`${a.what} on ${s.what}`);
  });
  return found;
}

async function drawn(data: Dataset, width: number): Promise<SVGSVGElement> {
  const wrapper = await fixture<HTMLDivElement>(
    Object.assign(document.createElement('div'), { style: `width: ${width}px` }),
  );
  // The data is set before the element is connected, so it never asks for the default dataset.
  const el = Object.assign(document.createElement('ops-repatriation-timeline') as OpsRepatriationTimeline, { data });
  wrapper.append(el);
  const root = await loaded(el);
  await waitUntil(() => root.querySelector(`svg.timeline[width="${width}"]`), `no chart ${width} px wide`);
  return root.querySelector('svg.timeline') as SVGSVGElement;
}

describe('<ops-repatriation-timeline> labels', () => {
  let real: Dataset;
  before(async () => {
    real = await (await fetch(REAL)).json();
  });

  // A dataset with a 2026 event stretches the axis by a year, which moves every label.
  const with2026 = () => {
    const data = structuredClone(real);
    const source = data.sources[0]!.id;
    data.events.push({ id: 'ev-test-2026', date: '2026-03', kind: 'investigation', countries: ['IT'], summary: 'A test event in 2026.', sources: [source] });
    return data;
  };

  for (const [name, make] of [
    ['the shipped dataset', () => real],
    ['a dataset with a 2026 event', with2026],
  ] as const) {
    it(`never sit on another label or on a mark they do not belong to, at ${WIDTHS.join(', ')} px, with ${name}`, async () => {
      const found: string[] = [];
      for (const width of WIDTHS) {
        const svg = await drawn(make(), width);
        found.push(...collisions(svg).map((c) => `${width} px: ${c}`));
      }
      expect(found).to.deep.equal([]);
    });
  }
});
