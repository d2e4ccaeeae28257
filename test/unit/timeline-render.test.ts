import { expect } from '@open-wc/testing';
import { executeServerCommand, readFile, writeFile } from '@web/test-runner-commands';
import { renderTimeline, type TimelineOptions } from '../../src/components/repatriation-timeline/render.js';
import { validateDataset } from '../../src/data/validate.js';
import { timelineSeries, type TimelineSeries } from '../../src/data/selectors.js';
import type { Dataset } from '../../src/data/schema.js';
import { hundredfold } from '../fixtures/timeline-dense.js';
import { loadLocale } from '../../src/shared/locales.js';

const FIXTURE = new URL('/test/fixtures/timeline-small.json', location.href).href;
const REAL = new URL('/data/overseas-police-stations.json', location.href).href;

async function dataset(url: string): Promise<Dataset> {
  return validateDataset(await (await fetch(url)).json()).dataset;
}

/** Serialises an SVG with numbers rounded to one decimal and one element per line, as observablehq/plot's snapshots do. */
function normalise(svg: SVGSVGElement): string {
  return new XMLSerializer()
    .serializeToString(svg)
    .replace(/\d+\.\d+/g, (n) => String(Number(Number(n).toFixed(1))))
    .replace(/></g, '>\n<')
    .concat('\n');
}

/**
 * Compares with test/unit/snapshots/<name>.svg. Locally a missing snapshot is written (delete a file
 * to update it); under CI it is a failure: a snapshot written there would compare with nothing.
 */
async function snapshot(name: string, svg: SVGSVGElement): Promise<void> {
  const path = `snapshots/${name}.svg`;
  const actual = normalise(svg);
  // The file command answers "unknown command" for a file that does not exist.
  const expected = await readFile({ path }).catch(() => undefined);
  if (expected === undefined || expected === null) {
    expect(await executeServerCommand('ops-ci'), `snapshot test/unit/${path} is missing`).to.equal(false);
    await writeFile({ path, content: actual });
    console.warn(`wrote new snapshot test/unit/${path}`);
    return;
  }
  expect(actual, `snapshot test/unit/${path} (delete it to accept the new drawing)`).to.equal(expected);
}

/** Draws into the page so that text can be measured. */
function mount(series: TimelineSeries, options: TimelineOptions): SVGSVGElement {
  const svg = renderTimeline(series, options);
  document.body.appendChild(svg);
  return svg;
}

function overlaps(svg: SVGSVGElement, selector: string): string[] {
  const boxes = [...svg.querySelectorAll<SVGGraphicsElement>(selector)].map((el) => ({ el, box: el.getBBox() }));
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!.box;
      const b = boxes[j]!.box;
      const pad = 0.5;
      if (a.x + pad < b.x + b.width && b.x + pad < a.x + a.width && a.y + pad < b.y + b.height && b.y + pad < a.y + a.height) {
        found.push(`"${boxes[i]!.el.textContent}" and "${boxes[j]!.el.textContent}"`);
      }
    }
  }
  return found;
}

const ids = (svg: Element, selector: string) => [...svg.querySelectorAll(selector)].map((m) => m.getAttribute('data-ids'));

describe('renderTimeline()', () => {
  // The renderer is synchronous; an element loads its language's chunk before it draws, so does this test.
  before(() => Promise.all([loadLocale('zh-Hans'), loadLocale('zh-Hant')]));
  afterEach(() => document.querySelectorAll('body > svg').forEach((s) => s.remove()));

  it('groups the digits of compact figures down the page in Chinese as in English ("7,089", not "7089")', async () => {
    const series = timelineSeries(await dataset(REAL));
    for (const lang of ['en', 'zh-Hans', 'zh-Hant'] as const) {
      const labels = [...renderTimeline(series, { width: 360, lang }).querySelectorAll('.official text.label')].map((t) => (t.querySelector('tspan') ?? t).textContent); // the figure, without its "as of" line
      expect(labels.filter((l) => /\d{4}/.test(l!)), lang).to.deep.equal([]);
      if (lang !== 'en') expect(labels.some((l) => l!.startsWith('7,089')), lang).to.equal(true);
    }
  });

  it('matches its snapshots: horizontal, vertical and Chinese', async () => {
    const series = timelineSeries(await dataset(FIXTURE));
    await snapshot('timeline-small-800', renderTimeline(series, { width: 800, lang: 'en' }));
    await snapshot('timeline-small-360', renderTimeline(series, { width: 360, lang: 'en' }));
    await snapshot('timeline-small-800-zh-Hant', renderTimeline(series, { width: 800, lang: 'zh-Hant', context: false }));
  });

  it('turns vertical below 600 px: time runs down the page', async () => {
    const series = timelineSeries(await dataset(FIXTURE));
    const wide = renderTimeline(series, { width: 800, lang: 'en' });
    const narrow = mount(series, { width: 360, lang: 'en' });
    expect(wide.classList.contains('horizontal')).to.equal(true);
    expect(narrow.classList.contains('vertical')).to.equal(true);
    const years = [...narrow.querySelectorAll('.year')].map((y) => [y.textContent, Number(y.getAttribute('y'))] as const);
    expect(years.map((y) => y[0])).to.deep.equal(['2016', '2017', '2018', '2019', '2020']);
    for (let i = 1; i < years.length; i++) expect(years[i]![1]).to.be.greaterThan(years[i - 1]![1]);
    expect(Number(narrow.getAttribute('width'))).to.equal(360);
  });

  it('draws exact days as dots and months, years and periods as spans of that length', async () => {
    const series = timelineSeries(await dataset(FIXTURE));
    const svg = renderTimeline(series, { width: 800, lang: 'en' });
    const day = svg.querySelector('[data-ids="ev-c1"]')!;
    expect(day.querySelector('circle')).to.not.equal(null);
    const width = (id: string) => Number(svg.querySelector(`[data-ids="${id}"] rect`)!.getAttribute('width'));
    const year = width('ev-c3');
    expect(width('ev-c2')).to.be.closeTo(year / 12, 1); // a month
    expect(width('ev-c4')).to.be.closeTo((year * 16) / 12, 2); // April 2019 – July 2020
  });

  it('puts annual official figures on their own scale, partial years as partial, and leaves gaps for years without a figure', async () => {
    const series = timelineSeries(await dataset(FIXTURE));
    const svg = renderTimeline(series, { width: 800, lang: 'en' });
    const bar = (id: string) => svg.querySelector(`.bar[data-ids="${id}"]`)!;
    const h = (id: string) => Number(bar(id).querySelector('rect')!.getAttribute('height'));
    const w = (id: string) => Number(bar(id).querySelector('rect')!.getAttribute('width'));
    expect(h('ev-a2') / h('ev-a1')).to.be.closeTo(1300 / 1032, 0.01);
    expect(bar('ev-a3').classList.contains('partial')).to.equal(true);
    expect(w('ev-a3')).to.be.lessThan(w('ev-a1') * 0.86);
    expect(bar('ev-a3').textContent).to.equal('1,634*');
    // 2018 has no figure: a gap with a label, no bar of height zero.
    expect([...svg.querySelectorAll('.gap')].map((g) => g.getAttribute('data-year'))).to.deep.equal(['2018', '2020']);
    expect(svg.querySelectorAll('.bar')).to.have.length(3);
    // A running total is not a bar on the per-year scale; it says what it is.
    const asOf = svg.querySelector('.official.other[data-ids="ev-a4"]')!;
    expect(asOf.textContent).to.equal('7,089 · total as of Oct 2020');
    expect(svg.querySelector('.track-title')!.textContent).to.contain('Official Chinese figures (claims)');
  });

  it('prints each figure as published, never a sum', async () => {
    const data = await dataset(REAL);
    const series = timelineSeries(data);
    const svg = renderTimeline(series, { width: 1280, lang: 'en' });
    const published = new Set(data.events.filter((e) => e.people !== undefined).map((e) => e.people!.toLocaleString('en')));
    const byId = new Map(data.events.map((e) => [e.id, e]));
    let printed = 0;
    for (const mark of svg.querySelectorAll<SVGGElement>('.mark.case:not(.group), .mark.bar, .mark.official:not(.group)')) {
      const label = mark.querySelector('.label')?.textContent;
      const event = byId.get(mark.dataset.ids!)!;
      // A mark without a label is an event no source gives a number for; every figure is printed.
      if (!label) {
        expect(event.people, `${event.id} has a figure but no label`).to.equal(undefined);
        continue;
      }
      const n = label.split(' ')[0]!.replace('*', '');
      expect(published.has(n), `${label} is a published figure`).to.equal(true);
      expect(n, `${event.id}'s own figure`).to.equal(event.people!.toLocaleString('en'));
      printed++;
    }
    expect(printed, 'labelled marks checked').to.be.above(10);
    // Groups say how many events they hold.
    for (const g of svg.querySelectorAll('.mark.group .label')) expect(g.textContent).to.match(/^(\d+ cases|×\d+|\d+ events)$/);
  });

  it('keeps labels apart and every event reachable, for the real dataset at 1280 and 360 px', async () => {
    const series = timelineSeries(await dataset(REAL));
    let ms = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      renderTimeline(series, { width: 1280, lang: 'en' });
      ms = Math.min(ms, performance.now() - t0);
    }
    console.log(`real dataset: drawn in ${ms.toFixed(1)} ms`);
    expect(ms).to.be.lessThan(200);
    const all = [...series.cases, ...series.official, ...series.context].map((e) => e.id).sort();
    for (const width of [1280, 680, 360]) {
      const svg = mount(series, { width, lang: 'en' });
      expect(overlaps(svg, '.label'), `labels overlap at ${width}px`).to.deep.equal([]);
      expect(overlaps(svg, '.year'), `years overlap at ${width}px`).to.deep.equal([]);
      expect(overlaps(svg, '.track-title'), `titles overlap at ${width}px`).to.deep.equal([]);
      for (const title of svg.querySelectorAll<SVGGraphicsElement>('.track-title')) {
        const box = title.getBBox();
        expect(box.x >= 0 && box.x + box.width <= width + 0.5, `"${title.textContent}" inside the chart at ${width}px`).to.equal(true);
      }
      const drawn = ids(svg, '.mark').flatMap((s) => s!.split(' ')).sort();
      expect(drawn).to.deep.equal(all);
      svg.remove();
    }
  });

  it('groups 100× the events by day or month, stays readable and fast', async () => {
    const data = await dataset(REAL);
    const dense = { ...data, events: hundredfold(data.events) };
    const series = timelineSeries(dense);
    expect(series.cases.length + series.official.length + series.context.length).to.equal(data.events.length * 100);
    for (const width of [1280, 360]) {
      // The best of three runs: other work on the machine should not fail the test (the budget is 250 ms).
      let ms = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        renderTimeline(series, { width, lang: 'en' });
        ms = Math.min(ms, performance.now() - t0);
      }
      const svg = mount(series, { width, lang: 'en' });
      console.log(`100× events (${dense.events.length}) at ${width}px: ${ms.toFixed(0)} ms, ${svg.querySelectorAll('.mark').length} marks`);
      expect(ms).to.be.lessThan(1000);
      expect(svg.querySelectorAll('.mark').length).to.be.lessThan(dense.events.length / 20);
      expect(overlaps(svg, '.label'), `labels overlap at ${width}px`).to.deep.equal([]);
      svg.remove();
    }
  });
});
