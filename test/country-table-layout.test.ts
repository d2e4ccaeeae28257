import { expect, fixture } from '@open-wc/testing';
import '../src/components/country-table/define.js';
import { shorten } from '../src/components/country-table/country-table.js';
import type { OpsCountryTable } from '../src/components/country-table/country-table.js';
import { loaded, text } from './helpers.js';

const REAL = new URL('/data/overseas-police-stations.json', location.href).href;

async function table(width: number, attrs = ''): Promise<{ el: OpsCountryTable; root: ShadowRoot }> {
  const wrapper = await fixture<HTMLDivElement>(
    Object.assign(document.createElement('div'), {
      innerHTML: `<ops-country-table src="${REAL}" ${attrs}></ops-country-table>`,
      style: `width: ${width}px`,
    }),
  );
  const el = wrapper.firstElementChild as OpsCountryTable;
  return { el, root: await loaded(el) };
}

/** Elements with text of their own that a reader sees. */
function visibleTexts(root: ShadowRoot): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('*')].filter(
    (el) =>
      [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()) &&
      el.getClientRects().length > 0 &&
      !el.closest('.visually-hidden'),
  );
}

describe('<ops-country-table> layout', () => {
  it('cuts a summary at a word boundary, never mid-word', () => {
    const long = 'The Interior Ministry orders eight Chinese nationals expelled on national-security grounds after a Turin investigation.';
    const cut = shorten(long, 72);
    expect(cut.endsWith('…')).to.equal(true);
    const kept = cut.slice(0, -1);
    expect(long.startsWith(kept)).to.equal(true);
    // What follows the cut in the full text starts a new word.
    expect(long.slice(kept.length)).to.match(/^[\s,;:.]/);
    expect(kept.length).to.be.at.most(72);
    expect(shorten('Short enough.', 72)).to.equal('Short enough.');
  });

  it('shows cut summaries in the rows and the full text in the expanded row', async () => {
    const { el, root } = await table(672);
    const cell = root.querySelector('tr[data-country="IT"] .col-response .summary')!;
    const shown = text(cell);
    expect(shown.endsWith('…')).to.equal(true);
    root.querySelector<HTMLButtonElement>('tr[data-country="IT"] .expand')!.click();
    await el.updateComplete;
    const full = text(root.querySelector('#details-IT .responses'));
    expect(full).to.contain(shown.slice(0, -1));
    expect(full.length).to.be.above(shown.length);
  });

  it('shows bureaus as chips in at most two lines at 672 px (the demo at 1280)', async () => {
    const { root } = await table(672);
    const cells = root.querySelectorAll<HTMLElement>('td.col-bureaus .chips');
    expect(cells.length).to.equal(10);
    for (const cell of cells) {
      const tops = new Set([...cell.querySelectorAll('.chip')].map((c) => Math.round(c.getBoundingClientRect().top)));
      expect(tops.size, text(cell)).to.be.at.most(2);
    }
  });

  it('breaks column headers between words only, from 580 to 672 px', async () => {
    for (const width of [580, 600, 640, 672]) {
      const { root } = await table(width);
      for (const label of root.querySelectorAll('thead th button span:first-child')) {
        const node = [...label.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!;
        // A hyphen is a place to break ("host-/government"); inside a word there is none.
        const words = node.textContent!.matchAll(/[^\s-]+/g);
        for (const m of words) {
          const range = document.createRange();
          range.setStart(node, m.index!);
          range.setEnd(node, m.index! + m[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          expect(lines.size, `"${m[0]}" at ${width} px`).to.equal(1);
        }
      }
    }
  });

  it('keeps a Chinese country name on one line in the table', async () => {
    const { root } = await table(672, 'lang="zh-Hant"');
    for (const name of root.querySelectorAll<HTMLElement>('tr[part="row"] .expand span:last-child')) {
      const lines = new Set([...name.getClientRects()].map((r) => Math.round(r.top)));
      const range = document.createRange();
      range.selectNodeContents(name);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      expect(Math.max(lines.size, tops.size), text(name)).to.equal(1);
    }
  });

  it('has no text under 12 px, on a phone and in a column, with a row expanded', async () => {
    for (const width of [360, 672]) {
      const { el, root } = await table(width);
      root.querySelector<HTMLButtonElement>('tr[data-country="FR"] .expand')!.click();
      await el.updateComplete;
      const small = visibleTexts(root)
        .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 12)
        .map((e) => `${e.className || e.localName} ${getComputedStyle(e).fontSize}: ${text(e).slice(0, 30)}`);
      expect(small, `${width} px`).to.deep.equal([]);
    }
  });

  it('offers one sort control on phones (a labelled select and a direction button) in place of the headers', async () => {
    const { el, root } = await table(360);
    expect(root.querySelector('thead')!.getClientRects().length, 'column headers shown on a phone').to.equal(0);
    const select = root.querySelector<HTMLSelectElement>('.sort-compact select')!;
    expect(select.getClientRects().length).to.be.above(0);
    expect(text(select.closest('label'))).to.contain('Sort by');
    expect(select.options.length).to.equal(5);
    expect(select.value).to.equal('stations');
    select.value = 'country';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const names = [...root.querySelectorAll('tr[part="row"] .expand span:last-child')].map((n) => text(n));
    expect(names).to.deep.equal([...names].sort((a, b) => a.localeCompare(b, 'en')));
    const direction = root.querySelector<HTMLButtonElement>('.sort-compact .direction')!;
    expect(text(direction)).to.contain('Ascending');
    direction.click();
    await el.updateComplete;
    expect(text(direction)).to.contain('Descending');
    expect(el.direction).to.equal('descending');
    // 40 px tall: a comfortable target.
    expect(direction.getBoundingClientRect().height).to.be.at.least(40);
    expect(select.getBoundingClientRect().height).to.be.at.least(40);
    // The desktop table has no second control.
    el.parentElement!.style.width = '672px';
    await new Promise((r) => requestAnimationFrame(r));
    expect(select.getClientRects().length).to.equal(0);
  });

  it('is accessible (axe) as phone cards with the sort control, light and dark, in English and Chinese', async () => {
    for (const lang of ['en', 'zh-Hans']) {
      const { el, root } = await table(360, `lang="${lang}"`);
      await expect(el).to.be.accessible();
      root.querySelector<HTMLButtonElement>('tr[data-country="IT"] .expand')!.click();
      el.theme = 'dark';
      await el.updateComplete;
      await expect(el).to.be.accessible();
    }
  });

  it('shows no sort control on a phone when static', async () => {
    const { root } = await table(360, 'static');
    expect(root.querySelector('.sort-compact')!.getClientRects().length).to.equal(0);
  });

  it('stays under the 1000 px a WordPress frame allows, at 360 px with five rows', async () => {
    const { root } = await table(360, 'rows="5"');
    const height = (root.host as HTMLElement).getBoundingClientRect().height;
    expect(height).to.be.below(1000);
  });
});
