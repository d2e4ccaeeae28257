import { expect, waitUntil } from '@open-wc/testing';
import { loaded, text } from '../helpers.js';

// The built one-tag script (npm test builds dist/ first), on a page with no other setup.
describe('dist/ops.js', () => {
  it('loads only the chunks of the tags on the page and shows the shipped dataset', async () => {
    const host = document.createElement('div');
    host.innerHTML = '<ops-country-table></ops-country-table>';
    document.body.append(host);
    const script = document.createElement('script');
    script.src = '/dist/ops.js';
    document.head.append(script);
    const table = host.querySelector('ops-country-table')!;
    await new Promise((r) => script.addEventListener('load', r, { once: true }));
    // Before its chunk has arrived, the unknown tag already holds the table's first-render height.
    const reserved = [...document.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules]).map((rule) => rule.cssText);
    expect(reserved.some((rule) => rule.startsWith('ops-country-table:not(:defined)') && rule.includes('min-height'))).to.equal(true);
    await waitUntil(() => customElements.get('ops-country-table'), 'ops-country-table was not defined', { timeout: 5000 });
    const root = await loaded(table);
    expect(root.querySelector('[part="error"]')).to.equal(null);
    expect(root.querySelectorAll('tr[part="row"]').length).to.equal(10);
    expect(text(root.querySelector('[part="coverage"]'))).to.match(/^\d+ of the \d+ stations in Safeguard Defenders/);
    const scripts = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/dist/'));
    expect(scripts.some((n) => n.endsWith('/dist/chunks/country-table.js'))).to.equal(true);
    expect(scripts.some((n) => n.endsWith('/dist/chunks/source-card.js'))).to.equal(false);
    expect(scripts.some((n) => n.endsWith('/dist/data/overseas-police-stations.json'))).to.equal(true);
    expect(customElements.get('ops-source-card')).to.equal(undefined);
    // The dataset was asked for alongside the chunk (a preload), and downloaded once; no map, no basemap.
    expect(document.head.querySelector('link[rel="preload"][as="fetch"][href$="/dist/data/overseas-police-stations.json"]')).to.not.equal(null);
    expect(scripts.filter((n) => n.endsWith('/dist/data/overseas-police-stations.json')).length).to.equal(1);
    // Every chunk the table imports, at any depth, was asked for at once (not one level of imports
    // at a time), and each came once; nothing of the map's.
    const preloads = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.href);
    expect(preloads.some((href) => /\/dist\/chunks\/shared-[\w-]+\.js$/.test(href))).to.equal(true);
    expect(preloads.some((href) => /\/dist\/chunks\/country-table\.impl-[\w-]+\.js$/.test(href))).to.equal(true);
    expect(preloads.filter((href) => /station-map|basemap/.test(href))).to.deep.equal([]);
    for (const href of preloads) expect(scripts.filter((n) => n === href).length, href).to.equal(1);
    // The bundled dataset is recognised by its digest: the validator's chunk is never downloaded.
    expect(scripts.filter((n) => /\/dist\/chunks\/validate-/.test(n))).to.deep.equal([]);

    // A tag added later loads its chunk too.
    // It names a dataset of its own, which will be checked record by record: the validator's chunk
    // is asked for alongside that dataset.
    const card = document.createElement('ops-source-card');
    card.setAttribute('source', 'SD01');
    card.setAttribute('src', '/dist/data/overseas-police-stations.json?copy');
    host.append(card);
    await waitUntil(() => customElements.get('ops-source-card'), 'ops-source-card was not defined', { timeout: 5000 });
    const cardRoot = await loaded(card);
    expect(text(cardRoot.querySelector('.publisher'))).to.equal('Safeguard Defenders');
    expect(document.head.querySelector('link[rel="modulepreload"][href*="/dist/chunks/validate-"]')).to.not.equal(null);
    host.remove();
  });

  it('loads the first widget of the page at once and the others after the first frame, all without scrolling', async () => {
    const iframe = document.createElement('iframe');
    iframe.style.cssText = 'width:800px;height:600px;border:0';
    // The table is far below the fold; the source card further still.
    iframe.srcdoc = `<!doctype html><html lang="en"><head><script>requestAnimationFrame(() => (window.__frame = performance.now()))</script><script src="/dist/ops.js"></script></head><body>
      <p>The article begins.</p><ops-source-card source="SD01"></ops-source-card><div style="height:3000px"></div><ops-country-table sort="country"></ops-country-table></body></html>`;
    const loadedFrame = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
    document.body.append(iframe);
    await loadedFrame;
    const win = iframe.contentWindow! as Window & typeof globalThis;
    await waitUntil(() => win.customElements.get('ops-country-table') && win.customElements.get('ops-source-card'), 'both widgets were not defined without scrolling', { timeout: 10000 });
    const start = (re: RegExp) => win.performance.getEntriesByType('resource').find((e) => re.test(e.name))!.startTime;
    // The moment the page's first frame began (its first requestAnimationFrame callback).
    const frame = (win as unknown as { __frame: number }).__frame;
    // The other widget's code was asked for only after the first frame; the first widget's no later
    // (before the frame when the parser reaches it first, which the page's timing does not promise).
    expect(start(/\/chunks\/country-table\.js$/)).to.be.at.least(frame);
    expect(start(/\/chunks\/source-card\.js$/)).to.be.at.most(start(/\/chunks\/country-table\.js$/));
    const table = iframe.contentDocument!.querySelector('ops-country-table')!;
    expect((await loaded(table)).querySelectorAll('tr[part="row"]').length).to.equal(10);
    iframe.remove();
  });
});
