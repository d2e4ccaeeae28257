import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../src/components/country-table/define.js';
import '../src/components/source-card/define.js';
import { OpsCountryTable } from '../src/components/country-table/country-table.js';
import { embedAttributes } from '../src/embed/params.js';
import { FIXTURE_URL, loaded, text } from './helpers.js';

const STRINGS_URL = new URL('/test/fixtures/strings-pl.json', location.href).href;

/** Collects console.warn lines while `run` runs. */
async function warnings(run: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return lines.join('\n');
}

describe('UI languages in the elements', () => {
  it('a French page gets the French UI, with French country names and dates', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr-CA"><ops-country-table src=${FIXTURE_URL}></ops-country-table></div>`);
    const root = await loaded(wrapper.firstElementChild as HTMLElement);
    expect(text(root.querySelector('[part="search"]')?.closest('label') ?? root)).to.contain('Rechercher');
    expect(text(root)).to.contain('Italie');
    expect(text(root.querySelector('[part="credit"]'))).to.match(/^Source : Test Credit · 3 sources · mis à jour en juin 2025 · Méthodologie/);
    expect(root.querySelector('[part="credit"] [title]')?.getAttribute('title')).to.match(/^Données mises à jour le 1 juin 2025/);
    expect(text(root)).to.contain('Les résumés et notes du jeu de données sont en anglais.');
  });

  it('a regional tag keeps its own dates through Intl; a language without strings reads English throughout', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <ops-country-table lang="en-GB" src=${FIXTURE_URL}></ops-country-table>
      <ops-country-table lang="fi" src=${FIXTURE_URL}></ops-country-table>
    </div>`);
    const [gb, fi] = [...wrapper.children] as HTMLElement[];
    const updated = (root: ShadowRoot) => root.querySelector('[part="credit"] [title]')?.getAttribute('title');
    expect(updated(await loaded(gb!))).to.match(/^Data updated 1 June 2025/);
    const finnish = await loaded(fi!);
    expect(updated(finnish)).to.match(/^Data updated June 1, 2025/);
    expect(text(finnish)).to.contain('Italy');
  });

  it('Portuguese outside Brazil reads European Portuguese ("esquadras"), Brazil Brazilian', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <ops-country-table lang="pt-AO" src=${FIXTURE_URL}></ops-country-table>
      <ops-country-table lang="pt" src=${FIXTURE_URL}></ops-country-table>
    </div>`);
    const [pt, br] = [...wrapper.children] as HTMLElement[];
    expect(text((await loaded(pt!)).querySelector('thead'))).to.contain('Esquadras');
    expect(text((await loaded(br!)).querySelector('thead'))).to.contain('Postos');
  });

  it('switches to a shipped language when the page’s lang changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><ops-source-card src=${FIXTURE_URL}></ops-source-card></div>`);
    const el = wrapper.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
    expect(text(await loaded(el))).to.contain('Select a country');
    wrapper.setAttribute('lang', 'ko');
    await nextFrame();
    await waitUntil(() => text(el.shadowRoot!).includes('국가, 경찰서 또는 사건을 선택하면'), 'no Korean', { timeout: 5000 });
  });

  it('a strings file adds a language key by key; the console names what it lacks', async () => {
    let el!: HTMLElement;
    const said = await warnings(async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="pl-PL"><ops-country-table strings=${STRINGS_URL} src=${FIXTURE_URL}></ops-country-table></div>`,
      );
      el = wrapper.firstElementChild as HTMLElement;
      await loaded(el);
      await waitUntil(() => text(el.shadowRoot!).includes('Szukaj'), 'the Polish strings were not used', { timeout: 5000 });
    });
    const root = el.shadowRoot!;
    expect(text(root.querySelector('caption, [part="title"]'))).to.contain('Zgłoszone chińskie posterunki');
    expect(text(root.querySelector('[part="credit"]'))).to.match(/^Źródło: Test Credit · 3 źródła ·/);
    // Not in the file: English.
    expect(text(root.querySelector('[part="download"]'))).to.contain('Download data (CSV)');
    // Country names and dates follow the page's language through Intl.
    expect(text(root)).to.contain('Włochy');
    expect(said).to.contain('"pl-PL"').and.contain('table.download');
  });

  it('a strings file that cannot be used leaves the shipped strings, and says why', async () => {
    const missing = new URL('/test/fixtures/no-such-strings.json', location.href).href;
    let root!: ShadowRoot;
    const said = await warnings(async () => {
      const el = await fixture<HTMLElement>(html`<ops-country-table lang="de" strings=${missing} src=${FIXTURE_URL}></ops-country-table>`);
      root = await loaded(el);
    });
    expect(text(root.querySelector('thead'))).to.contain('Stationen');
    expect(said).to.contain(missing).and.contain('HTTP 404');
  });

  it('OpsElement.addLocale is on every element class, for pages with only the one-tag script', async () => {
    const Table = customElements.get('ops-country-table') as typeof OpsCountryTable;
    Table.addLocale('sv', { table: { search: 'Sök' } });
    const el = await fixture<HTMLElement>(html`<ops-country-table lang="sv-FI" src=${FIXTURE_URL}></ops-country-table>`);
    const root = await loaded(el);
    expect(text(root)).to.contain('Sök').and.contain('Italien');
  });

  it('the frame page passes a strings file of its own origin, and drops one from elsewhere', () => {
    const page = 'https://news.example/embed/country-table/index.html';
    expect(embedAttributes(new URLSearchParams('widget=country-table&strings=../../strings/pl.json&lang=pl'), page)).to.deep.equal([
      ['strings', 'https://news.example/strings/pl.json'],
      ['lang', 'pl'],
    ]);
    expect(embedAttributes(new URLSearchParams('widget=country-table&strings=https://evil.example/s.json'), page)).to.deep.equal([]);
  });
});
