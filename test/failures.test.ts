// Issue 7: every way loading can fail gives a reader-facing message in part="error",
// a console message naming the URL, and nothing reaches window as an uncaught error.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/country-table/define.js';
import '../src/components/source-card/define.js';
import '../src/components/repatriation-timeline/define.js';
import '../src/components/station-map/define.js';
import { OpsElement } from '../src/shared/ops-element.js';
import { FIXTURE_URL, loaded, text } from './helpers.js';

/** Elements under test; each gets every failure case. */
const TAGS = ['ops-country-table', 'ops-source-card', 'ops-repatriation-timeline', 'ops-station-map'];

let uncaught: string[] = [];
const onError = (e: ErrorEvent) => uncaught.push(`error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) => uncaught.push(`unhandledrejection: ${String(e.reason)}`);
let consoleErrors: string[] = [];
const realConsoleError = console.error;
const realFetch = window.fetch;

beforeEach(() => {
  uncaught = [];
  consoleErrors = [];
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  console.error = (...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(' '));
  };
});

afterEach(async () => {
  // Give stray rejections a chance to surface before checking.
  await new Promise((r) => setTimeout(r, 20));
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  console.error = realConsoleError;
  window.fetch = realFetch;
  OpsElement.loadTimeout = 20_000;
  expect(uncaught, 'nothing uncaught reaches window').to.deep.equal([]);
});

let n = 0;
const uniqueUrl = (name = 'x') => new URL(`/test/fixtures/${name}.json?case=${++n}`, location.href).href;

/** Answers requests for `url` with `respond`, everything else normally. */
function stubFetch(url: string, respond: (signal?: AbortSignal | null) => Promise<Response>) {
  window.fetch = (input, init) => (String(input) === url ? respond(init?.signal) : realFetch(input, init));
}

async function mount(tag: string, src: string): Promise<HTMLElement> {
  const el = document.createElement(tag);
  el.setAttribute('src', src);
  if (tag === 'ops-source-card') el.setAttribute('for', 'st-rome');
  return fixture<HTMLElement>(html`<div>${el}</div>`).then(() => el);
}

async function errorOf(tag: string, src: string): Promise<string> {
  const el = await mount(tag, src);
  const root = await loaded(el);
  const error = root.querySelector('[part="error"]');
  expect(error, `${tag} shows part="error"`).to.not.equal(null);
  expect(consoleErrors.some((m) => m.includes(src)), `console names ${src}`).to.equal(true);
  return text(error);
}

const CASES: { name: string; expected: RegExp; respond: () => Promise<Response> }[] = [
  { name: 'a network error', expected: /network request failed/, respond: () => Promise.reject(new TypeError('Failed to fetch')) },
  { name: 'HTTP 500', expected: /HTTP 500/, respond: async () => new Response('oops', { status: 500, statusText: 'Internal Server Error' }) },
  { name: 'an HTML error page', expected: /web page \(HTML\) instead of JSON/, respond: async () => new Response('<!doctype html><h1>502 Bad Gateway</h1>') },
  { name: 'truncated JSON', expected: /not valid JSON/, respond: async () => new Response('{"schemaVersion": 1, "meta": {"ti') },
  { name: 'an empty body', expected: /response was empty/, respond: async () => new Response('') },
  { name: 'JSON that is not an object', expected: /a list, not a dataset object/, respond: async () => new Response('[1, 2, 3]') },
  { name: 'the wrong schemaVersion', expected: /schemaVersion is 7; these widgets read schemaVersion 1/, respond: async () => new Response('{"schemaVersion": 7}') },
  {
    name: 'a declared size over 25 MB',
    expected: /too large \(28\.6 MB; the limit is 25 MB\)/,
    respond: async () => new Response('{}', { headers: { 'content-length': String(30_000_000) } }),
  },
  { name: 'an actual size over 25 MB', expected: /too large \(25\.3 MB/, respond: async () => new Response(`{"a":"${'x'.repeat(26_500_000)}"}`) },
];

for (const tag of TAGS) {
  describe(`<${tag}> failure states`, () => {
    for (const c of CASES) {
      it(`explains ${c.name}`, async () => {
        const url = uniqueUrl();
        stubFetch(url, c.respond);
        const message = await errorOf(tag, url);
        expect(message).to.match(c.expected);
        expect(message).to.match(/^This graphic could not be shown/);
      });
    }

    it('explains a 404 from the server', async () => {
      expect(await errorOf(tag, uniqueUrl('missing'))).to.match(/HTTP 404/);
    });

    it('keeps its reserved height while slow, then times out with "Try again" that works', async () => {
      OpsElement.loadTimeout = 300;
      const url = uniqueUrl('mini');
      let answer = false;
      stubFetch(url, (signal) =>
        answer
          ? realFetch(FIXTURE_URL)
          : new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')))),
      );
      const el = await mount(tag, url);
      await (el as OpsElement).updateComplete;
      const loading = el.shadowRoot!.querySelector('[part="loading"]') as HTMLElement;
      expect(loading, 'loading state while waiting').to.not.equal(null);
      expect(loading.getBoundingClientRect().height).to.be.greaterThan(100);
      const root = await loaded(el);
      const error = root.querySelector('[part="error"]')!;
      expect(text(error)).to.match(/the server did not answer within 0.3 seconds\./);
      answer = true;
      (error.querySelector('button.retry') as HTMLButtonElement).click();
      await waitUntil(() => !root.querySelector('[part="error"]') && !root.querySelector('[part="loading"]'), 'retry did not load');
      expect(root.querySelector('[part="credit"]')).to.not.equal(null);
    });
  });
}

describe('a failed load is never a blank hole', () => {
  for (const tag of TAGS) {
    it(`<${tag}> gives back its reserved height and links to the data`, async () => {
      const url = uniqueUrl('missing');
      const el = await mount(tag, url);
      const root = await loaded(el);
      const link = root.querySelector<HTMLAnchorElement>('[part="error"] a[part="data-link"]');
      expect(link, 'a link to the data').to.not.equal(null);
      expect(link!.href).to.equal(url);
      // The loading state reserved 7rem (the card) to 41rem and more: the message is a few lines.
      expect(el.getBoundingClientRect().height).to.be.within(40, 200);
    });

    it(`<${tag}> shows the page's own fallback content instead of the link`, async () => {
      const el = document.createElement(tag);
      el.setAttribute('src', uniqueUrl('missing'));
      el.innerHTML = '<p class="fallback">Stations by country. <a href="/data.json">Download the data</a>.</p>';
      await fixture(html`<div>${el}</div>`);
      const root = await loaded(el);
      expect(root.querySelector('[part="data-link"]'), 'no second link').to.equal(null);
      expect(root.querySelector('[part="error"]')).to.not.equal(null);
      expect(el.querySelector('.fallback')!.getBoundingClientRect().height, 'the fallback is visible').to.be.greaterThan(10);
    });
  }

  it('names CORS in the console when a dataset on another origin cannot be fetched', async () => {
    // Stubbed: no request leaves the machine. A browser reports a CORS refusal as a network error.
    const url = 'https://cdn.example/ops/data/overseas-police-stations.json?case=cors';
    stubFetch(url, () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await errorOf('ops-country-table', url)).to.match(/network request failed/);
    const logged = consoleErrors.find((m) => m.includes(url));
    expect(logged).to.match(/another origin \(https:\/\/cdn\.example\).*Access-Control-Allow-Origin/);
  });

  it('says to set src or .data when the bundled dataset is not beside the code', async () => {
    // A dev server answers a missing file with its index.html.
    const url = new URL('/dist-without-data/overseas-police-stations.json', location.href).href;
    stubFetch(url, async () => new Response('<!doctype html><title>App</title>'));
    const { loadDataset } = await import('../src/data/load.js');
    const error = await loadDataset(url, 1000, true).then(
      () => ({ reason: 'it loaded' }),
      (e: { reason: string }) => e,
    );
    expect(error.reason).to.match(/set the src attribute .*or the \.data property/);
    expect(error.reason).to.not.match(/web page/);
    expect(consoleErrors.find((m) => m.includes(url))).to.match(/import "overseas-police-stations\/data\/overseas-police-stations\.json"/);
  });
});

describe('isolation', () => {
  it('one widget failing leaves the others working', async () => {
    const bad = uniqueUrl();
    stubFetch(bad, async () => new Response('<html>'));
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <ops-country-table src=${bad}></ops-country-table>
      <ops-source-card src=${FIXTURE_URL} source="s-ngo"></ops-source-card>
      <ops-country-table src=${FIXTURE_URL}></ops-country-table>
    </div>`);
    const [failing, card, table] = [...wrapper.children] as HTMLElement[];
    expect((await loaded(failing!)).querySelector('[part="error"]')).to.not.equal(null);
    expect(text((await loaded(card!)).querySelector('.publisher'))).to.equal('Example NGO');
    expect((await loaded(table!)).querySelectorAll('tr[part="row"]').length).to.equal(5);
  });
});

describe('large datasets', () => {
  it('renders a dataset 100× the real one (under the 25 MB cap)', async () => {
    const real = await (await realFetch('/data/overseas-police-stations.json')).json();
    const big = structuredClone(real);
    for (let copy = 1; copy < 100; copy++) {
      const suffix = `-x${copy}`;
      big.sources.push(...real.sources.map((s: { id: string }) => ({ ...s, id: s.id + suffix })));
      big.stations.push(
        ...real.stations.map((s: { id: string; sources: string[] }) => ({ ...s, id: s.id + suffix, sources: s.sources.map((id) => id + suffix) })),
      );
      big.events.push(
        ...real.events.map((e: { id: string; sources: string[]; station?: string }) => ({
          ...e,
          id: e.id + suffix,
          sources: e.sources.map((id) => id + suffix),
          ...(e.station ? { station: e.station + suffix } : {}),
        })),
      );
    }
    const body = JSON.stringify(big);
    expect(body.length).to.be.within(15_000_000, 25 * 1024 * 1024); // compact JSON: ~16.7 MB
    const url = uniqueUrl('big');
    stubFetch(url, async () => new Response(body));
    const el = await mount('ops-country-table', url);
    const root = await loaded(el);
    expect(root.querySelector('[part="error"]')).to.equal(null);
    const italy = root.querySelector('tr[data-country="IT"] .col-stations');
    expect(text(italy)).to.match(/^1100\b/);
  });
});
