// Issue 7: with default settings the demo page (built, in dist/) requests nothing from
// another origin, sets no cookie, stores nothing, and no link leaks the referrer.
import { expect, waitUntil } from '@open-wc/testing';

describe('privacy of the demo page', () => {
  it('stays on its own origin and leaves no trace in the browser', async () => {
    localStorage.clear();
    sessionStorage.clear();
    const frame = document.createElement('iframe');
    frame.style.inlineSize = '1000px';
    frame.style.blockSize = '800px';
    frame.src = '/dist/demo/index.html';
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    const win = frame.contentWindow!;
    const doc = frame.contentDocument!;
    const widgets = () => [...doc.querySelectorAll('*')].filter((el) => el.localName.startsWith('ops-'));
    await waitUntil(
      () => widgets().length > 0 && widgets().every((el) => el.shadowRoot?.children.length && !el.shadowRoot.querySelector('[part="loading"]')),
      'demo widgets did not load',
      { timeout: 10000 },
    );
    const resources = win.performance.getEntriesByType('resource').map((e) => e.name);
    expect(resources.length).to.be.greaterThan(2);
    const foreign = resources.filter((url) => new URL(url).origin !== location.origin && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign, 'requests to other origins').to.deep.equal([]);
    expect(doc.cookie).to.equal('');
    expect(win.localStorage.length).to.equal(0);
    expect(win.sessionStorage.length).to.equal(0);
    expect(await win.indexedDB.databases()).to.deep.equal([]);
    // Every link, in the page and inside every widget, keeps the referrer to itself.
    const links = [doc, ...widgets().map((el) => el.shadowRoot!)].flatMap((root) => [...root.querySelectorAll('a[href]')]);
    expect(links.length).to.be.greaterThan(5);
    const pagePolicy = doc.querySelector('meta[name="referrer"]')?.getAttribute('content');
    for (const a of links) {
      const safe = /noreferrer/.test(a.getAttribute('rel') ?? '') || a.getAttribute('referrerpolicy') === 'no-referrer' || pagePolicy === 'no-referrer';
      expect(safe, `${a.getAttribute('href')} keeps the referrer`).to.equal(true);
    }
    for (const el of widgets()) {
      for (const a of el.shadowRoot!.querySelectorAll('a[href]')) {
        expect(a.getAttribute('rel'), a.getAttribute('href') ?? '').to.contain('noreferrer');
      }
    }
    frame.remove();
  });
});
