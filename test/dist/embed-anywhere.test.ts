import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { OpsCountryTable } from '../../src/components/country-table/country-table.js';
import { embedAttributes, resolveWidget } from '../../src/embed/params.js';
import { VERSION } from '../../src/shared/version.js';
import { FIXTURE_URL, loaded, text } from '../helpers.js';

// Issue 6, "Embed anywhere". These tests read the built library from /dist/ (npm test builds it
// first; web-test-runner.config.mjs serves /dist/ from OPS_OUT when that is set). Each host page
// is a fixture in test/fixtures/embed-*, opened in an iframe so it has its own document, its own
// custom-element registry and, for embed-csp*, its own Content-Security-Policy header.

const TAGS = 'ops-country-table, ops-source-card, ops-station-map, ops-repatriation-timeline';
const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

type OpsLog = { violations: string[]; errors: string[]; warnings: string[] };
type FrameWindow = Window & { __opsLog?: OpsLog };

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const f of frames.splice(0)) f.remove();
});

async function openFrame(src: string, width = 800, attributes: Record<string, string> = {}): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = 'widget';
  for (const [name, value] of Object.entries(attributes)) frame.setAttribute(name, value);
  frame.style.width = `${width}px`;
  frame.style.height = '1200px';
  frame.style.border = '0';
  const ready = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.append(frame);
  frames.push(frame);
  await ready;
  return frame;
}

function doc(frame: HTMLIFrameElement): Document {
  return frame.contentDocument!;
}

function log(frame: HTMLIFrameElement): OpsLog {
  return (frame.contentWindow as FrameWindow).__opsLog!;
}

/** Waits until every widget in the frame has been defined and has finished loading. */
async function widgetsIn(frame: HTMLIFrameElement): Promise<HTMLElement[]> {
  const els = [...doc(frame).querySelectorAll<HTMLElement>(TAGS)];
  await waitUntil(() => els.every((el) => el.shadowRoot), 'widgets were not defined', { timeout: 8000 });
  await Promise.all(els.map((el) => loaded(el)));
  // The map draws its preview (and legend) once its basemap chunk has arrived, after the data.
  await waitUntil(
    () => els.every((el) => el.localName !== 'ops-station-map' || el.shadowRoot!.querySelector('[part="legend"]')),
    'the map preview was not drawn',
    { timeout: 8000 },
  );
  return els;
}

function px(value: string): number {
  return Number.parseFloat(value);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('iframe route: query parameters', () => {
  it('knows the four widgets, with or without the ops- prefix, and nothing else', () => {
    expect(resolveWidget('country-table')).to.equal('ops-country-table');
    expect(resolveWidget('ops-station-map')).to.equal('ops-station-map');
    expect(resolveWidget('repatriation-timeline')).to.equal('ops-repatriation-timeline');
    expect(resolveWidget('Source-Card')).to.equal('ops-source-card');
    expect(resolveWidget('script')).to.equal(null);
    expect(resolveWidget('constructor')).to.equal(null);
    expect(resolveWidget(null)).to.equal(null);
  });

  it('sets only the attributes the registry lists for that widget, with values they accept', () => {
    const page = 'https://news.example/ops/embed/index.html';
    const params = new URLSearchParams(
      'widget=station-map&country=IT&lang=zh-Hans&theme=dark&plain&onclick=alert(1)&OnLoad=x&style=color:red&class=x&src=https://evil.example/fake.json&x y=1&sort=country&autoload=yes',
    );
    expect(embedAttributes(params, page)).to.deep.equal([
      ['country', 'IT'],
      ['lang', 'zh-Hans'],
      ['theme', 'dark'],
      ['plain', ''],
      ['autoload', ''],
    ]);
    // `sort` is the table's; a theme, a country or a style URL out of range is dropped.
    expect(embedAttributes(new URLSearchParams('widget=country-table&sort=country&theme=red'), page)).to.deep.equal([['sort', 'country']]);
    expect(embedAttributes(new URLSearchParams('widget=station-map&country=ITA&basemap=https://tiles.example/style.json'), page)).to.deep.equal([]);
    expect(embedAttributes(new URLSearchParams('widget=table&theme=dark'), page)).to.deep.equal([]);
    expect(embedAttributes(new URLSearchParams('widget=source-card&src=../data/copy.json'), page)).to.deep.equal([
      ['src', 'https://news.example/ops/data/copy.json'],
    ]);
  });
});

describe('iframe route: heights', () => {
  before(async () => {
    const script = document.createElement('script');
    script.src = '/dist/embed/resize.js';
    const ready = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    document.head.append(script);
    await ready;
  });

  it('renders the widget from the query and its AMP embed-size heights reach the parent, also after a resize', async () => {
    const messages: unknown[] = [];
    const record = (event: MessageEvent) => messages.push(event.data);
    window.addEventListener('message', record);
    const frame = await openFrame('/dist/embed/index.html?widget=country-table&theme=dark&sort=country', 800, {
      'data-ops-embed': '',
      sandbox: SANDBOX,
      referrerpolicy: 'no-referrer',
      loading: 'lazy',
    });
    const [table] = await widgetsIn(frame);
    expect(table!.localName).to.equal('ops-country-table');
    expect(table!.getAttribute('theme')).to.equal('dark');
    expect(table!.getAttribute('sort')).to.equal('country');
    // The frame learns nothing about the page around it.
    expect(doc(frame).referrer).to.equal('');

    const content = () => Math.ceil(doc(frame).documentElement.getBoundingClientRect().height);
    await waitUntil(() => px(frame.style.height) === content(), `frame height ${frame.style.height} ≠ content`, { timeout: 5000 });
    const wide = px(frame.style.height);
    expect(wide).to.be.above(300);
    expect(wide).to.be.below(1200);
    for (const data of messages) expect(Object.keys(data as object).sort()).to.deep.equal(['height', 'sentinel', 'type']);
    expect(messages).to.deep.include({ sentinel: 'amp', type: 'embed-size', height: wide });

    // A phone-width frame: the table reflows and is taller.
    frame.style.width = '360px';
    await waitUntil(() => px(frame.style.height) !== wide && px(frame.style.height) === content(), 'height did not follow the width', {
      timeout: 5000,
    });
    const narrow = px(frame.style.height);
    expect(narrow).to.be.above(wide);

    // Growth after a reader's click ("Show all") reaches the parent too.
    (table!.shadowRoot!.querySelector('[part="more"]') as HTMLButtonElement).click();
    await waitUntil(() => px(frame.style.height) > narrow && px(frame.style.height) === content(), 'height did not grow', {
      timeout: 5000,
    });
    window.removeEventListener('message', record);
  });

  it('a widget\'s own page (the oEmbed route) renders that widget, and answers WordPress\'s height message only with the secret WordPress gave it', async () => {
    const messages: unknown[] = [];
    const record = (event: MessageEvent) => messages.push(event.data);
    window.addEventListener('message', record);
    // WordPress adds #?secret=… to the frame's URL; a secret of any other shape is ignored.
    const frame = await openFrame('/dist/embed/source-card/?source=SD01#?secret=Ab12Cd34Ef', 600, { sandbox: SANDBOX });
    const odd = await openFrame('/dist/embed/source-card/?source=SD01#?secret=a"b', 600, { sandbox: SANDBOX });
    const [card] = await widgetsIn(frame);
    await widgetsIn(odd);
    expect(card!.localName).to.equal('ops-source-card');
    const content = Math.ceil(doc(frame).documentElement.getBoundingClientRect().height);
    await waitUntil(() => messages.some((m) => (m as { value?: number }).value === content), 'no WordPress height message', { timeout: 5000 });
    const wordpress = messages.filter((m) => (m as { message?: string }).message === 'height');
    expect(wordpress.every((m) => (m as { secret: string }).secret === 'Ab12Cd34Ef')).to.equal(true);
    // Asked again when WordPress says it is ready.
    const before = wordpress.length;
    frame.contentWindow!.postMessage({ message: 'ready', secret: 'Ab12Cd34Ef' }, '*');
    await waitUntil(() => messages.filter((m) => (m as { message?: string }).message === 'height').length > before, 'no answer to ready', { timeout: 3000 });
    window.removeEventListener('message', record);
  });

  it('ignores messages from other windows, from the page itself, and insane heights', async () => {
    const widget = await openFrame('/dist/embed/index.html?widget=source-card&source=SD01', 600, {
      'data-ops-embed': '',
      sandbox: SANDBOX,
    });
    await widgetsIn(widget);
    const content = () => Math.ceil(doc(widget).documentElement.getBoundingClientRect().height);
    await waitUntil(() => px(widget.style.height) === content(), 'widget frame height not set', { timeout: 5000 });
    const good = widget.style.height;

    // The page itself, and a frame that is not an embed, post well-formed messages: nothing changes.
    window.postMessage({ sentinel: 'amp', type: 'embed-size', height: 11 }, '*');
    const stranger = await openFrame('/test/fixtures/embed-sender.html?h=12', 300);
    // A frame that is an embed may size only itself, and only with a sane height.
    const sender = await openFrame('/test/fixtures/embed-sender.html?h=1e9,-5,0,abc,Infinity,20001,321', 300, { 'data-ops-embed': '' });
    const heights: string[] = [];
    const watch = new MutationObserver(() => heights.push(sender.style.height));
    watch.observe(sender, { attributes: true, attributeFilter: ['style'] });
    let done = 0;
    const onDone = (e: MessageEvent) => {
      if ((e.data as { type?: string })?.type === 'sent') done++;
    };
    window.addEventListener('message', onDone);
    stranger.contentWindow!.postMessage('go', '*');
    sender.contentWindow!.postMessage('go', '*');
    await waitUntil(() => done === 2, 'senders did not report', { timeout: 3000 });
    await sleep(100);
    window.removeEventListener('message', onDone);
    watch.disconnect();

    expect(widget.style.height).to.equal(good);
    expect(stranger.style.height).to.equal('1200px');
    expect(sender.style.height).to.equal('321px');
    expect(heights.filter((h) => h !== '321px')).to.deep.equal([]);
  });
});

describe('strict Content-Security-Policy', () => {
  it('the fixture is served with the strict header', async () => {
    const response = await fetch('/test/fixtures/embed-csp.html');
    expect(response.headers.get('content-security-policy')).to.contain("style-src 'self';");
  });

  it('sees a violation when a page breaks the policy (control)', async () => {
    const frame = await openFrame('/test/fixtures/embed-csp.html?control');
    await widgetsIn(frame);
    await waitUntil(() => log(frame).violations.length > 0, 'no violation seen on the control page', { timeout: 3000 });
  });

  it('the table and the source card render, sort, search, expand and select with zero violations', async () => {
    const frame = await openFrame('/test/fixtures/embed-csp.html');
    const [table, card, linked] = await widgetsIn(frame);
    const root = table!.shadowRoot!;
    expect(root.querySelectorAll('tr[part="row"]').length).to.equal(10);
    expect(text(card!.shadowRoot!.querySelector('.publisher'))).to.equal('Safeguard Defenders');

    (root.querySelector('th button') as HTMLButtonElement).click();
    await (table as OpsCountryTable).updateComplete;
    (root.querySelector('tr[part="row"] button.expand') as HTMLButtonElement).click();
    await (table as OpsCountryTable).updateComplete;
    await waitUntil(() => linked!.shadowRoot!.querySelector('[part="card"]'), 'the linked card did not follow the selection');
    (root.querySelector('[part="more"]') as HTMLButtonElement).click();
    const search = root.querySelector('[part="search"]') as HTMLInputElement;
    search.value = 'ital';
    search.dispatchEvent(new Event('input'));
    await (table as OpsCountryTable).updateComplete;
    await sleep(200);

    expect(log(frame).violations).to.deep.equal([]);
    expect(log(frame).errors).to.deep.equal([]);
  });
});

/** Whether the page in `frame` has finished downloading a file whose URL ends with `path`. */
function fetched(frame: HTMLIFrameElement, path: string): boolean {
  return frame.contentWindow!.performance.getEntriesByType('resource').some((e) => e.name.endsWith(path));
}

describe('two copies, two versions, subclasses', () => {
  it('the same build loaded three times gives one working set, silently', async () => {
    const frame = await openFrame('/test/fixtures/embed-two-copies.html');
    const [table, card] = await widgetsIn(frame);
    expect(table!.shadowRoot!.querySelectorAll('tr[part="row"]').length).to.equal(10);
    expect(text(card!.shadowRoot!.querySelector('.publisher'))).to.equal('Safeguard Defenders');
    // Both copies really ran: the second copy's chunk was fetched too (on a busy machine, after the first copy's).
    await waitUntil(() => fetched(frame, '/__ops-copy/same/chunks/country-table.js'), 'the second copy did not load its chunk', { timeout: 10000 });
    await sleep(300);
    expect(log(frame).errors).to.deep.equal([]);
    expect(log(frame).warnings.filter((w) => w.includes('overseas-police-stations'))).to.deep.equal([]);
  });

  it('two versions: one working set and one warning per tag naming both versions, never an exception', async () => {
    const frame = await openFrame('/test/fixtures/embed-two-versions.html');
    const [table, card] = await widgetsIn(frame);
    expect(table!.shadowRoot!.querySelectorAll('tr[part="row"]').length).to.equal(10);
    expect(text(card!.shadowRoot!.querySelector('.publisher'))).to.equal('Safeguard Defenders');
    await waitUntil(() => fetched(frame, '/__ops-copy/v9/chunks/country-table.js'), 'the second version did not load its chunk', { timeout: 10000 });
    const warnings = (tag: string) => log(frame).warnings.filter((w) => w.includes('overseas-police-stations') && w.includes(`<${tag}>`));
    // The second version warns once for each tag whose chunk it ran (a tag defined before its
    // script started is not requested again): the table's chunk always, as awaited above.
    for (const tag of ['ops-country-table', 'ops-source-card']) {
      const ran = tag === 'ops-country-table' || fetched(frame, `/__ops-copy/v9/chunks/${tag.slice(4)}.js`);
      if (ran) await waitUntil(() => warnings(tag).length > 0, `no warning for <${tag}> from the second version`, { timeout: 10000 });
    }
    await sleep(300);
    expect(log(frame).errors).to.deep.equal([]);
    expect(log(frame).warnings.filter((w) => w.includes('overseas-police-stations') && !/<ops-(country-table|source-card)>/.test(w))).to.deep.equal([]);
    for (const tag of ['ops-country-table', 'ops-source-card']) {
      expect(warnings(tag).length, `warnings for <${tag}>`).to.be.at.most(1);
      for (const w of warnings(tag)) expect(w).to.contain(VERSION).and.to.contain('9.9.9');
    }
    expect(warnings('ops-country-table').length).to.equal(1);
  });

  it('a page can subclass the table and register it under its own tag (source and built module)', async () => {
    class NewsroomTable extends OpsCountryTable {}
    customElements.define('newsroom-country-table', NewsroomTable);
    const el = document.createElement('newsroom-country-table') as NewsroomTable;
    el.src = FIXTURE_URL;
    document.body.append(el);
    const root = await loaded(el);
    expect(root.querySelectorAll('tr[part="row"]').length).to.be.above(0);
    el.remove();

    // The npm build exports the class too; its subclass coexists with the stock tag.
    const built = (await import(/* @vite-ignore */ new URL('/dist/chunks/country-table.js', location.href).href)) as {
      OpsCountryTable: typeof OpsCountryTable;
    };
    class BuiltSubclass extends built.OpsCountryTable {}
    customElements.define('newsroom-built-table', BuiltSubclass);
    const host = document.createElement('div');
    host.innerHTML = '<newsroom-built-table></newsroom-built-table><ops-country-table></ops-country-table>';
    document.body.append(host);
    for (const child of host.children) {
      const r = await loaded(child as HTMLElement);
      expect(r.querySelector('[part="error"]')).to.equal(null);
      expect(r.querySelectorAll('tr[part="row"]').length).to.equal(10);
    }
    host.remove();
  });
});

describe('host page CSS', () => {
  /** Boxes of the host and of the parts a reader sees, relative to the host. */
  function boxes(el: HTMLElement): Record<string, number[]> {
    const origin = el.getBoundingClientRect();
    const out: Record<string, number[]> = { host: [origin.width, origin.height] };
    const selectors = [
      '[part="title"]',
      '[part="coverage"]',
      '[part="search"]',
      '[part="download"]',
      '[part="table"]',
      'th button',
      'tr[part="row"]',
      'tr[part="row"] td:last-child',
      '[part="more"]',
      '[part="credit"]',
      '[part="card"]',
      '[part="badge"]',
      '.publisher',
      '[part="summary"]',
      '[part="chart"]',
      '[part="legend"]',
      '[part="map"]',
    ];
    for (const selector of selectors) {
      const node = el.shadowRoot!.querySelector(selector);
      if (!node) continue;
      const r = node.getBoundingClientRect();
      out[selector] = [r.left - origin.left, r.top - origin.top, r.width, r.height].map((n) => Math.round(n));
    }
    return out;
  }

  it('a page that styles everything still shows all four widgets as designed (same boxes as a plain page)', async () => {
    const plain = await openFrame('/test/fixtures/embed-plain.html', 760);
    const hostile = await openFrame('/test/fixtures/embed-hostile.html', 760);
    const plainEls = await widgetsIn(plain);
    const hostileEls = await widgetsIn(hostile);
    // The hostile page really is hostile outside the widgets.
    expect(getComputedStyle(doc(hostile).documentElement).fontSize).to.equal('10px');
    expect(getComputedStyle(doc(hostile).body).textTransform).to.equal('uppercase');
    plainEls.forEach((el, i) => {
      const a = boxes(el);
      const b = boxes(hostileEls[i]!);
      expect(Object.keys(b)).to.deep.equal(Object.keys(a));
      expect(Object.keys(a).length).to.be.above(4);
      for (const [key, values] of Object.entries(a)) {
        values.forEach((v, j) => {
          expect(Math.abs(v - b[key]![j]!), `${el.localName} ${key}[${j}]: plain ${v}, hostile ${b[key]![j]}`).to.be.at.most(3);
        });
      }
    });
  });
});

describe('without JavaScript', () => {
  it('light-DOM fallback content shows when scripts never run, and gives way to the widget when they do', async () => {
    const off = await openFrame('/test/fixtures/embed-fallback.html', 600, { sandbox: 'allow-same-origin' });
    const fallback = doc(off).querySelector('.fallback')!;
    expect(text(fallback)).to.contain('download the data');
    expect(fallback.getBoundingClientRect().height).to.be.above(0);
    expect(doc(off).querySelector('ops-country-table')!.shadowRoot).to.equal(null);

    const on = await openFrame('/test/fixtures/embed-fallback.html', 600);
    const [table] = await widgetsIn(on);
    expect(table!.shadowRoot!.querySelectorAll('tr[part="row"]').length).to.equal(10);
    expect(doc(on).querySelector('.fallback')!.getBoundingClientRect().height).to.equal(0);
  });
});

describe('static attribute and print', () => {
  // The fixture has fewer than 10 countries, so no "Show all" button here; the rule for it is the same.
  const CONTROLS = ['label:has([part~="search"])', '[part~="download"]'];

  it('static: the table without its controls, headers still readable', async () => {
    if (!customElements.get('ops-country-table-static-test')) customElements.define('ops-country-table-static-test', class extends OpsCountryTable {});
    const el = document.createElement('ops-country-table-static-test') as OpsCountryTable;
    el.src = FIXTURE_URL;
    document.body.append(el);
    const root = await loaded(el);
    for (const selector of CONTROLS) expect((root.querySelector(selector) as HTMLElement).checkVisibility(), selector).to.equal(true);
    el.setAttribute('static', '');
    await el.updateComplete;
    for (const selector of CONTROLS) expect((root.querySelector(selector) as HTMLElement).checkVisibility(), selector).to.equal(false);
    expect(text(root.querySelector('th button'))).to.match(/Country/);
    el.remove();
  });

  it('print: the same controls are hidden', async () => {
    const el = document.createElement('ops-country-table-static-test') as OpsCountryTable;
    el.src = FIXTURE_URL;
    document.body.append(el);
    const root = await loaded(el);
    await emulateMedia({ media: 'print' });
    try {
      for (const selector of CONTROLS) expect((root.querySelector(selector) as HTMLElement).checkVisibility(), selector).to.equal(false);
      expect((root.querySelector('[part="table"]') as HTMLElement).checkVisibility()).to.equal(true);
    } finally {
      await emulateMedia({ media: 'screen' });
      el.remove();
    }
  });
});

describe('embed-code generator (dist/demo/embed.html)', () => {
  it('writes a script snippet with the SRI hash of ops.js and an iframe snippet with the safe attributes', async () => {
    const frame = await openFrame('/dist/demo/embed.html', 900);
    const script = () => doc(frame).getElementById('script-snippet')!.textContent ?? '';
    await waitUntil(() => script().includes('integrity='), 'no SRI hash in the script snippet', { timeout: 5000 });
    // The hash the build wrote (scripts/build.mjs hashes dist/ops.js). It cannot be recomputed
    // here: the test server rewrites the scripts it serves. A real host serves the bytes as built.
    const sri = ((await (await fetch('/dist/embed/integrity.json')).json()) as Record<string, string>)['ops.js']!;
    expect(sri).to.match(/^sha384-[A-Za-z0-9+/]{64}$/);
    expect(script()).to.contain(`src="${location.origin}/dist/ops.js" integrity="${sri}" crossorigin="anonymous" defer`);
    // On one line with the fallback as the element's own text, so WordPress's wpautop cannot split it.
    expect(script()).to.match(/\n<ops-country-table>[^<\n]+<a href="[^"]+\/dist\/data\/overseas-police-stations\.json">Download the data \(JSON\)<\/a>\.<\/ops-country-table>$/);

    const form = doc(frame).getElementById('options') as HTMLFormElement;
    (form.elements.namedItem('widget') as HTMLSelectElement).value = 'source-card';
    (form.elements.namedItem('theme') as HTMLSelectElement).value = 'dark';
    form.dispatchEvent(new Event('change'));
    const iframe = doc(frame).getElementById('iframe-snippet')!.textContent ?? '';
    const page = `${location.origin}/dist/embed/source-card/?theme=dark&amp;source=SD01`;
    expect(iframe).to.contain(`src="${page}"`);
    // A visible link outside the frame: what a reader keeps where the CMS removes the iframe.
    expect(iframe).to.contain(`></iframe>\n<p><a href="${page}">Source</a> (Safeguard Defenders; news reports)</p>\n`);
    expect(doc(frame).getElementById('url-snippet')!.textContent).to.equal(page.replaceAll('&amp;', '&'));
    for (const attr of ['data-ops-embed', 'title="Source"', 'loading="lazy"', 'referrerpolicy="no-referrer"', `sandbox="${SANDBOX}"`]) {
      expect(iframe).to.contain(attr);
    }
    expect(iframe).to.contain(`<script src="${location.origin}/dist/embed/resize.js" async></script>`);
    expect(iframe).not.to.contain('style=');
    // The live preview follows the options.
    const preview = doc(frame).querySelector('#preview > ops-source-card')!;
    expect(preview.getAttribute('theme')).to.equal('dark');
    await loaded(preview as HTMLElement);
  });
});

describe('ops.js from another origin (a CDN)', () => {
  it('under the README’s CDN policy the table gets its dataset and the map MapLibre and its worker, from that origin, with no error', async function () {
    this.timeout(60000);
    // The test runner answers on both host names: the other one is another origin.
    const cdn = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
    const frame = await openFrame(`/test/fixtures/embed-cross-origin.html?script=${encodeURIComponent(`${cdn}/dist/ops.js`)}`, 1000);
    const [map, table, timeline] = await widgetsIn(frame);
    // The timeline's tooltip is positioned through CSSOM, never a style attribute (which the policy blocks).
    const mark = timeline!.shadowRoot!.querySelector<SVGElement>('svg [data-ids]')!;
    mark.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true }));
    await waitUntil(() => timeline!.shadowRoot!.querySelector('[part="tooltip"]'), 'no tooltip on hover');
    expect(table!.shadowRoot!.querySelectorAll('tr[part="row"]').length).to.equal(10);
    (map!.shadowRoot!.querySelector('[part="explore"]') as HTMLButtonElement).click();
    await waitUntil(() => map!.getAttribute('map-state') === 'ready', 'MapLibre did not start from the other origin', { timeout: 30000 });
    const requested = frame.contentWindow!.performance.getEntriesByType('resource').map((e) => e.name);
    for (const file of ['/dist/data/overseas-police-stations.json', '/dist/chunks/maplibre-gl-worker.mjs']) {
      expect(requested.some((url) => url.startsWith(`${cdn}${file}`)), file).to.equal(true);
    }
    // ops.js asked for the dataset and the basemap alongside the chunks; each still came once (the preloads were used).
    for (const file of ['/dist/data/overseas-police-stations.json', '/dist/chunks/basemap-110m.js']) {
      expect(requested.filter((url) => url === `${cdn}${file}`).length, file).to.equal(1);
    }
    expect(log(frame).violations).to.deep.equal([]);
    expect(log(frame).errors).to.deep.equal([]);
  });
});

describe('dist/ on a host that sends no CORS headers', () => {
  it('no widget is a blank hole: fallback text or a link to the data, the reserved height given back, the fix in the console', async function () {
    this.timeout(30000);
    // The test runner answers on both host names; /__ops-copy/ is served without Access-Control-Allow-Origin.
    const other = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
    const frame = await openFrame(`/test/fixtures/embed-no-cors.html?script=${encodeURIComponent(`${other}/__ops-copy/nocors/ops.js`)}`, 1000);
    const els = [...doc(frame).querySelectorAll<HTMLElement>(TAGS)];
    await waitUntil(() => els.every((el) => el.hasAttribute('data-ops-failed')), 'the widgets were not marked as failed', { timeout: 10000 });
    for (const el of els) {
      // The frame's own registry (a boolean: chai would take long to print a class it did not expect).
      expect(Boolean(frame.contentWindow!.customElements.get(el.localName)), `<${el.localName}> defined`).to.equal(false);
      // The timeline and the map reserve 41rem and more while loading; a failed one is a few lines.
      expect(el.getBoundingClientRect().height, el.localName).to.be.within(10, 150);
      expect(text(el), el.localName).to.not.equal('');
    }
    const [table, timeline] = els;
    expect(text(table), 'the page\'s own fallback, unchanged').to.equal('Overseas police stations by country: download the data.');
    const link = timeline!.querySelector('a')!;
    expect(link.href).to.equal(`${other}/__ops-copy/nocors/data/overseas-police-stations.json`);
    const errors = log(frame).errors.join('\n');
    expect(errors).to.contain(`${other}/__ops-copy/nocors/chunks/repatriation-timeline.js`);
    expect(errors).to.match(/Access-Control-Allow-Origin/);
  });
});
