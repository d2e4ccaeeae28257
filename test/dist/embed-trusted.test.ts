import { expect, waitUntil } from '@open-wc/testing';
import { loaded, text } from '../helpers.js';

// The built one-tag script with the shipped dataset, on a page of its own (the module cache starts empty).
describe('dist/ops.js: a dataset checked once is trusted everywhere on the page', () => {
  it('shows a selected station’s sources without downloading the dataset checks', async () => {
    const host = document.createElement('div');
    host.style.width = '800px';
    host.innerHTML = '<ops-station-map></ops-station-map>';
    document.body.append(host);
    const script = document.createElement('script');
    script.src = '/dist/ops.js';
    document.head.append(script);
    const map = host.querySelector('ops-station-map')!;
    await waitUntil(() => customElements.get('ops-station-map'), 'ops-station-map was not defined', { timeout: 5000 });
    const root = await loaded(map);
    await waitUntil(() => root.querySelector('svg .cluster.one'), 'the preview showed no single station', { timeout: 10000 });
    root.querySelector('svg .cluster.one')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    // The map hands its dataset to the card in its details as `.data`.
    await waitUntil(() => root.querySelector('[part="details"] ops-source-card'), 'no source card in the details', { timeout: 5000 });
    const cardRoot = await loaded(root.querySelector<HTMLElement>('[part="details"] ops-source-card')!);
    expect(cardRoot.querySelector('[part="error"]')).to.equal(null);
    expect(cardRoot.querySelectorAll('[part="card"]').length).to.be.greaterThan(0);
    expect(text(cardRoot)).to.not.contain('skipped');
    const files = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/dist/chunks/'));
    expect(files.filter((n) => /\/chunks\/(validate|inline)-/.test(n))).to.deep.equal([]);
    host.remove();
  });
});
