import { expect, waitUntil } from '@open-wc/testing';

// The one-tag route shows the table's default view from its build-time render
// (dist/prerendered/country-table.html) while the code and the dataset download; the element then
// takes that HTML over, as it takes over a server's. Pages are srcdoc frames of this origin.

/** A page with ops.js and `body`; `csp`: a policy that lets only ops.js run and no inline style. */
async function page(body: string, { csp = false, width = 800 } = {}): Promise<HTMLIFrameElement> {
  const policy = `default-src 'self'; script-src ${location.origin}/dist/ops.js; style-src 'none'`;
  const iframe = document.createElement('iframe');
  iframe.style.cssText = `width:${width}px;height:900px;border:0`;
  iframe.srcdoc = `<!doctype html><html lang="en"><head>${csp ? `<meta http-equiv="Content-Security-Policy" content="${policy}">` : ''}
    <script src="/dist/ops.js"></script></head><body>${body}</body></html>`;
  const loaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
  document.body.append(iframe);
  await loaded;
  return iframe;
}

/** What a reader sees of the table: the text of its shadow root (not its styles), its rows, its box and a styled part. */
function seen(el: Element) {
  const root = el.shadowRoot!;
  const texts = [...root.querySelectorAll('*:not(style)')].flatMap((n) => [...n.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent));
  const title = root.querySelector('[part="title"]')!;
  const style = el.ownerDocument.defaultView!.getComputedStyle(title);
  return {
    text: texts.join(' ').replace(/\s+/g, ' ').trim(),
    rows: root.querySelectorAll('tr[part="row"]').length,
    height: Math.round(el.getBoundingClientRect().height),
    title: `${style.fontWeight} ${style.fontSize}`,
  };
}

const requested = (iframe: HTMLIFrameElement, part: string) =>
  iframe.contentWindow!.performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes(part));

describe('the default view from its build-time render (one-tag route)', () => {
  let copy: ReturnType<typeof seen>;

  it('shows the table while its code cannot run, styled under a policy that refuses inline styles, and says it is a copy', async () => {
    // The policy lets ops.js run and refuses the chunks: the code never arrives.
    const iframe = await page('<ops-country-table>Fallback sentence.</ops-country-table>', { csp: true });
    const el = iframe.contentDocument!.querySelector('ops-country-table')!;
    await waitUntil(() => el.shadowRoot?.querySelector('[part="unavailable"]'), 'no saved copy and note were shown', { timeout: 10000 });
    expect(iframe.contentWindow!.customElements.get('ops-country-table')).to.equal(undefined);
    const note = el.shadowRoot!.querySelector('[part="unavailable"]')!;
    expect(note.textContent).to.equal('This is a saved copy: the interactive version could not be loaded.');
    // The copy itself, for the next test to compare with.
    note.remove();
    copy = seen(el);
    expect(copy.rows).to.equal(10);
    expect(copy.text).to.match(/stations/i);
    // Styled: the title is bold as in the widget's own render (constructed sheets, not <style>).
    expect(copy.title.split(' ')[0]).to.not.equal('400');
    expect(el.shadowRoot!.querySelector('style')).to.equal(null);
    expect(requested(iframe, '/dist/prerendered/country-table.html').length).to.equal(1);
    iframe.remove();
  });

  it('is the same table, at the same height, once the code has taken over: no layout shift, one dataset request', async () => {
    // A group changes nothing in the first render: the table is still in its default view.
    const iframe = await page('<ops-country-table group="article"></ops-country-table><p>After the table.</p>');
    const win = iframe.contentWindow! as Window & typeof globalThis;
    const el = iframe.contentDocument!.querySelector('ops-country-table')!;
    let shift = 0;
    new win.PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{ value: number }>) shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    await waitUntil(() => win.customElements.get('ops-country-table') && !el.hasAttribute('defer-hydration') && el.shadowRoot?.querySelector('tr[part="row"]'), 'the table did not take over', { timeout: 10000 });
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    const live = seen(el);
    expect(requested(iframe, '/dist/prerendered/country-table.html').length).to.equal(1);
    expect(live.rows).to.equal(copy.rows);
    expect(live.height).to.equal(copy.height);
    expect(live.title).to.equal(copy.title);
    expect(live.text).to.equal(copy.text);
    expect(shift).to.equal(0);
    expect(requested(iframe, '/dist/data/overseas-police-stations.json').length).to.equal(1);
    expect(requested(iframe, '/dist/chunks/validate-')).to.deep.equal([]);
    iframe.remove();
  });

  it('is not fetched for a table that will draw something else: other attributes, another language, another dataset', async () => {
    const iframe = await page(
      '<ops-country-table sort="country"></ops-country-table><div lang="fr"><ops-country-table></ops-country-table></div><ops-country-table src="/dist/data/overseas-police-stations.json?copy"></ops-country-table>',
    );
    const win = iframe.contentWindow! as Window & typeof globalThis;
    await waitUntil(() => win.customElements.get('ops-country-table'), 'the table was not defined', { timeout: 10000 });
    expect(requested(iframe, '/prerendered/')).to.deep.equal([]);
    iframe.remove();
  });
});
