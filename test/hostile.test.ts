// Issue 7: dataset strings are text, links are safe, layout holds, and random
// mutations of the real dataset end in a rendered widget or a clear error.
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../src/components/country-table/define.js';
import '../src/components/source-card/define.js';
import { copyOfFixture, loaded, text } from './helpers.js';

const SCRIPTY = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '"><svg onload="window.__pwned = 3">',
  '\u202Edesrever\u202C text with bidi override',
  '🚓🇨🇳 emoji and 漢字',
];
const LONG = 'A'.repeat(10_000);

async function hostileDataset() {
  const data = await copyOfFixture();
  data.meta.credit = SCRIPTY[0];
  data.sources.forEach((s: Record<string, string>, i: number) => {
    s.publisher = SCRIPTY[i % SCRIPTY.length]!;
    s.title = `${SCRIPTY[(i + 1) % SCRIPTY.length]} ${LONG}`;
    s.excerpt = SCRIPTY[(i + 2) % SCRIPTY.length]!;
    s.reliability = LONG;
  });
  // A javascript: URL is not an http(s) URL: that source is skipped, and what cites it with it.
  data.sources.push({ id: 'bad-url', publisher: 'x', title: 'x', date: '2022', url: 'javascript:window.__pwned=4', kind: 'news' });
  data.sources.push({ id: 'data-url', publisher: 'x', title: 'x', date: '2022', url: 'data:text/html,<script>alert(1)</script>', kind: 'news' });
  data.bureaus[0].name = SCRIPTY[1];
  data.stations.forEach((s: Record<string, unknown>, i: number) => {
    s.city = `${SCRIPTY[i % SCRIPTY.length]}${LONG}`;
    s.notes = `${SCRIPTY[(i + 3) % SCRIPTY.length]} ${LONG}`;
  });
  data.countries.forEach((c: { notes?: string; responses: { summary: string }[] }) => {
    c.notes = LONG;
    c.responses.forEach((r) => (r.summary = `${SCRIPTY[2]}${LONG}`));
  });
  return data;
}

describe('hostile strings', () => {
  afterEach(() => delete (window as { __pwned?: number }).__pwned);

  it('render as text in the table, expanded, with the layout holding at 360 px', async () => {
    const data = await hostileDataset();
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 360px"><ops-country-table .data=${data}></ops-country-table></div>`);
    const el = wrapper.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
    const root = await loaded(el);
    for (const b of root.querySelectorAll<HTMLButtonElement>('.expand')) b.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(root.querySelectorAll('script, img, svg[onload], [onerror], [onload]').length).to.equal(0);
    expect(text(root)).to.contain('<script>window.__pwned = 1</script>');
    expect(text(root.querySelector('[part="notice"]'))).to.match(/^2 records skipped/);
    expect(el.getBoundingClientRect().width).to.be.at.most(360);
    expect(el.scrollWidth, 'nothing pushes the element wider than its column').to.be.at.most(361);
    for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).to.match(/^https?:/);
  });

  it('render as text in source cards, with only http(s) links', async () => {
    const data = await hostileDataset();
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 360px"><ops-source-card .data=${data} for="IT"></ops-source-card></div>`);
    const el = wrapper.firstElementChild as HTMLElement;
    const root = await loaded(el);
    expect(root.querySelectorAll('[part="card"]').length).to.be.greaterThan(0);
    expect(root.querySelectorAll('script, img, [onerror], [onload]').length).to.equal(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    for (const a of root.querySelectorAll('a')) {
      expect(a.getAttribute('href')).to.match(/^https?:/);
      expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(a.getAttribute('referrerpolicy')).to.equal('no-referrer');
    }
    expect(el.scrollWidth).to.be.at.most(361);
  });
});

describe('fuzzing validation and rendering', () => {
  it('random mutations of the real dataset end in a rendered table or a clear error', async () => {
    const real = await (await fetch('/data/overseas-police-stations.json')).json();
    const lists = ['stations', 'sources', 'countries', 'events', 'bureaus'] as const;
    const uncaught: unknown[] = [];
    const onError = (e: ErrorEvent) => uncaught.push(e.message);
    window.addEventListener('error', onError);
    const warn = console.warn;
    const error = console.error;
    console.warn = () => {};
    console.error = () => {};
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...lists),
          fc.nat(),
          fc.string({ maxLength: 12 }),
          fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined)),
          fc.boolean(),
          async (list, index, key, value, topLevel) => {
            const data = structuredClone(real);
            if (topLevel) data[key || list] = value;
            else {
              const records = data[list];
              const record = records[index % records.length];
              const keys = Object.keys(record);
              record[keys[index % keys.length] ?? key] = value;
            }
            const wrapper = await fixture<HTMLDivElement>(html`<div><ops-country-table .data=${data}></ops-country-table></div>`);
            const root = await loaded(wrapper.firstElementChild as HTMLElement);
            const rows = root.querySelectorAll('tr[part="row"]').length;
            const failed = root.querySelector('[part="error"]');
            return (rows > 0 || root.querySelector('.empty') !== null) !== (failed !== null);
          },
        ),
        { numRuns: 40 },
      );
    } finally {
      window.removeEventListener('error', onError);
      console.warn = warn;
      console.error = error;
    }
    expect(uncaught).to.deep.equal([]);
  });
});
