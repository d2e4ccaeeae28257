import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/components/country-table/define.js';
import type { OpsCountryTable } from '../src/components/country-table/country-table.js';
import { neutraliseFormula, stationsCsv } from '../src/components/country-table/csv.js';
import { validateDataset } from '../src/data/validate.js';
import { copyOfFixture, FIXTURE_URL, loaded, text } from './helpers.js';

const countries = (root: ShadowRoot) =>
  [...root.querySelectorAll('tr[part="row"]')].map((tr) => (tr as HTMLElement).dataset.country);

async function table(attrs = ''): Promise<{ el: OpsCountryTable; root: ShadowRoot }> {
  const el = await fixture<OpsCountryTable>(
    Object.assign(document.createElement('div'), {
      innerHTML: `<ops-country-table src="${FIXTURE_URL}" ${attrs}></ops-country-table>`,
    }).firstElementChild as HTMLElement,
  );
  return { el, root: await loaded(el) };
}

const name = (root: ShadowRoot, code: string) => text(root.querySelector(`tr[data-country="${code}"] .expand span:last-child`));

function header(root: ShadowRoot, key: string): HTMLElement {
  return root.querySelector(`thead th.col-${key}`)!;
}

describe('<ops-country-table>', () => {
  it('renders one row per country from the dataset, most stations first', async () => {
    const { root } = await table();
    // Ties (CA, NL and GB have one each) fall back to the country name.
    expect(countries(root)).to.deep.equal(['IT', 'CA', 'NL', 'GB', 'DE']);
    const italy = root.querySelector('tr[data-country="IT"]')!;
    expect(name(root, 'IT')).to.equal('Italy');
    expect(text(italy.querySelector('.col-stations'))).to.equal('2');
    // Short names as chips, the full name as their title; a screen reader hears a list.
    expect(text(italy.querySelector('.col-bureaus'))).to.equal('Fuzhou, Qingtian');
    expect([...italy.querySelectorAll('.chip')].map((c) => c.getAttribute('title'))).to.deep.equal([null, 'Qingtian (Lishui)']);
    expect(text(root.querySelector('tr[data-country="NL"] .col-response'))).to.contain('Closure');
    expect(text(root.querySelector('tr[data-country="IT"] .col-response'))).to.equal('None found in sources read');
  });

  it('says how complete the list is, from the latest reported total', async () => {
    const { root } = await table();
    expect(text(root.querySelector('[part="coverage"]'))).to.equal(
      '4 of the 8 stations in Example NGO’s December 2022 count are listed, in 3 of its 6 countries; 1 further site was named by governments or other sources.',
    );
  });

  it('sorts by every column with aria-sort on the sorted header', async () => {
    const { root } = await table();
    expect(header(root, 'stations').getAttribute('aria-sort')).to.equal('descending');
    header(root, 'country').querySelector('button')!.click();
    await (root.host as OpsCountryTable).updateComplete;
    expect(countries(root)).to.deep.equal(['CA', 'DE', 'IT', 'NL', 'GB']);
    expect(header(root, 'country').getAttribute('aria-sort')).to.equal('ascending');
    expect(header(root, 'stations').hasAttribute('aria-sort')).to.equal(false);
    header(root, 'country').querySelector('button')!.click();
    await (root.host as OpsCountryTable).updateComplete;
    expect(countries(root)).to.deep.equal(['GB', 'NL', 'IT', 'DE', 'CA']);
    expect(header(root, 'country').getAttribute('aria-sort')).to.equal('descending');
    header(root, 'response').querySelector('button')!.click();
    await (root.host as OpsCountryTable).updateComplete;
    // Latest response first; countries without one last, A–Z.
    expect(countries(root)).to.deep.equal(['DE', 'NL', 'CA', 'IT', 'GB']);
    header(root, 'sources').querySelector('button')!.click();
    await (root.host as OpsCountryTable).updateComplete;
    expect(countries(root)).to.deep.equal(['IT', 'CA', 'DE', 'NL', 'GB']);
  });

  it('takes its initial sort from attributes', async () => {
    const { root } = await table('sort="country" direction="descending"');
    expect(countries(root)).to.deep.equal(['GB', 'NL', 'IT', 'DE', 'CA']);
  });

  it('searches country names, cities and bureaus, ignoring accents and case', async () => {
    const { el, root } = await table();
    const input = root.querySelector('input[type="search"]') as HTMLInputElement;
    const search = async (q: string) => {
      input.value = q;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      return countries(root);
    };
    expect(await search('amsterdam')).to.deep.equal(['NL']);
    expect(await search('QINGTIAN')).to.deep.equal(['IT', 'NL']);
    expect(await search('itálý')).to.deep.equal(['IT']);
    expect(await search('zzz')).to.deep.equal([]);
    expect(text(root.querySelector('.empty'))).to.equal('No country matches your search.');
    expect(await search('')).to.have.length(5);
  });

  it('expands a row to list its stations and fires ops-select', async () => {
    const { el, root } = await table('group="g1"');
    const button = root.querySelector('tr[data-country="IT"] .expand') as HTMLButtonElement;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'ops-select');
    expect(event.detail).to.deep.equal({ group: 'g1', kind: 'country', id: 'IT' });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const details = root.querySelector('#details-IT')!;
    expect(details.hasAttribute('hidden')).to.equal(false);
    const stations = [...details.querySelectorAll('.station strong')].map((s) => text(s));
    expect(stations).to.deep.equal(['Milan', 'Rome']);
    expect(text(details)).to.contain('Placeholder note for Milan.');
    const link = details.querySelector('a[href="https://news.example.com/story"]')!;
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(link.getAttribute('referrerpolicy')).to.equal('no-referrer');
  });

  it('shows 10 rows first, then "Show all N countries"', async () => {
    const data = await copyOfFixture();
    const codes = ['FR', 'DE', 'ES', 'PT', 'AT', 'HU', 'RS', 'HR', 'SE', 'IE', 'JP', 'KR'];
    codes.forEach((code, i) =>
      data.stations.push({ id: `extra-${i}`, country: code, bureau: 'unknown', listedIn: [], status: 'reported', sources: ['s-ngo'] }),
    );
    const el = await fixture<OpsCountryTable>(html`<ops-country-table .data=${data}></ops-country-table>`);
    const root = await loaded(el);
    expect(countries(root)).to.have.length(10);
    const more = root.querySelector('[part="more"]') as HTMLButtonElement;
    expect(text(more)).to.equal('Show all 16 countries');
    more.click();
    await el.updateComplete;
    expect(countries(root)).to.have.length(16);
    expect(text(more)).to.equal('Show fewer');
  });

  it('shows as many first rows as `rows` asks, and the default for a value that is not a count', async () => {
    const data = await copyOfFixture();
    ['FR', 'ES', 'PT', 'AT', 'HU', 'RS', 'HR', 'SE'].forEach((code, i) =>
      data.stations.push({ id: `r-${i}`, country: code, bureau: 'unknown', listedIn: [], status: 'reported', sources: ['s-ngo'] }),
    );
    const el = await fixture<OpsCountryTable>(html`<ops-country-table rows="3" .data=${data}></ops-country-table>`);
    const root = await loaded(el);
    expect(countries(root)).to.have.length(3);
    expect(text(root.querySelector('[part="more"]')!)).to.equal('Show all 13 countries');
    el.setAttribute('rows', 'lots');
    await el.updateComplete;
    expect(countries(root)).to.have.length(10);
  });

  it('shows every row when static or printing', async () => {
    const data = await copyOfFixture();
    ['FR', 'ES', 'PT', 'AT', 'HU', 'RS', 'HR', 'SE'].forEach((code, i) =>
      data.stations.push({ id: `p-${i}`, country: code, bureau: 'unknown', listedIn: [], status: 'reported', sources: ['s-ngo'] }),
    );
    const el = await fixture<OpsCountryTable>(html`<ops-country-table .data=${data}></ops-country-table>`);
    const root = await loaded(el);
    expect(countries(root)).to.have.length(10);
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    expect(countries(root)).to.have.length(13);
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(countries(root)).to.have.length(10);
    el.setAttribute('static', '');
    await el.updateComplete;
    expect(countries(root)).to.have.length(13);
    expect(getComputedStyle(root.querySelector('[part="download"]')!).display).to.equal('none');
  });

  it('keeps its first page of rows when a reader opens a row in a grouped table', async () => {
    // The full dataset: more countries than the first page shows.
    const el = await fixture<OpsCountryTable>(html`<ops-country-table src="/data/overseas-police-stations.json" group="g-own"></ops-country-table>`);
    const root = await loaded(el);
    expect(countries(root)).to.have.length(10);
    const first = countries(root)[0]!;
    root.querySelector<HTMLButtonElement>(`tr[data-country="${first}"] .expand`)!.click();
    await el.updateComplete;
    expect(root.querySelector(`#details-${first}`)!.hasAttribute('hidden')).to.equal(false);
    // Its own ops-select is not a selection "made elsewhere" that must be shown past the first page.
    expect(countries(root)).to.have.length(10);
    expect(root.querySelector('[part="more"]')!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('follows a country selected elsewhere in its group, and ignores other groups', async () => {
    const { el, root } = await table('group="g2"');
    document.dispatchEvent(new CustomEvent('ops-select', { detail: { group: 'other', kind: 'country', id: 'NL' } }));
    await el.updateComplete;
    expect(root.querySelector('tbody.selected')).to.equal(null);
    document.dispatchEvent(new CustomEvent('ops-select', { detail: { group: 'g2', kind: 'station', id: 'st-ams', country: 'NL' } }));
    await el.updateComplete;
    expect(root.querySelector('tbody.selected tr[part="row"]')?.getAttribute('data-country')).to.equal('NL');
    expect(root.querySelector('#details-NL')!.hasAttribute('hidden')).to.equal(false);
    document.dispatchEvent(new CustomEvent('ops-select', { detail: { group: 'g2', kind: null, id: null } }));
    await el.updateComplete;
    expect(root.querySelector('tbody.selected')).to.equal(null);
  });

  it('switches language from the closest [lang] ancestor, with Intl country names', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="zh-TW"><ops-country-table src=${FIXTURE_URL}></ops-country-table></div>`,
    );
    const el = wrapper.querySelector('ops-country-table')!;
    const root = await loaded(el);
    expect(name(root, 'IT')).to.equal('義大利');
    expect(text(header(root, 'country'))).to.contain('國家');
    expect(text(root)).to.contain('資料集中的摘要和備註為英文原文');
    expect(text(root.querySelector('tr[data-country="IT"] .col-bureaus'))).to.equal('福州、青田');
    wrapper.setAttribute('lang', 'zh-CN');
    // The MutationObserver on the ancestor runs after this task, and Simplified Chinese is a chunk of its own.
    await waitUntil(() => name(root, 'IT') === '意大利', 'the table did not switch to Simplified Chinese');
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(name(root, 'IT')).to.equal('Italy');
  });

  it('shows a one-line credit unless plain, with the full date and version behind the methodology link', async () => {
    const { el, root } = await table();
    const credit = root.querySelector('[part="credit"]') as HTMLElement;
    expect(text(credit)).to.equal('Source: Test Credit · 3 sources · updated Jun 2025 · Methodology');
    const links = [...credit.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/methodology']);
    expect(links[0]!.title).to.equal('Data updated June 1, 2025 · version test');
    // One line in an article column.
    const lineHeight = parseFloat(getComputedStyle(credit).lineHeight) || parseFloat(getComputedStyle(credit).fontSize) * 1.6;
    expect(credit.getBoundingClientRect().height).to.be.below(lineHeight * 1.5);
    el.setAttribute('lang', 'zh-Hant');
    await el.updateComplete;
    expect(text(root.querySelector('[part="credit"]'))).to.equal('來源：Test Credit · 3 個來源 · 更新於 2025年6月 · 研究方法');
    const plain = await table('plain');
    expect(plain.root.querySelector('[part="credit"]')).to.equal(null);
    expect(plain.root.querySelector('[part="title"]')).to.equal(null);
  });

  it('shows a readable error for a 404, naming the status', async () => {
    const el = await fixture<OpsCountryTable>(html`<ops-country-table src="/test/fixtures/missing.json"></ops-country-table>`);
    const root = await loaded(el);
    const error = root.querySelector('[part="error"]');
    expect(text(error)).to.contain('HTTP 404');
    expect(error?.getAttribute('role')).to.equal('alert');
    // "Try again" fetches again (failed loads are not cached).
    const calls: string[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => (calls.push(String(input)), original(input, init));
    try {
      (error!.querySelector('button.retry') as HTMLButtonElement).click();
      await waitUntil(() => calls.length === 1 && root.querySelector('[part="error"]'), 'no second fetch');
      expect(calls[0]).to.match(/\/test\/fixtures\/missing\.json$/);
    } finally {
      window.fetch = original;
    }
  });

  it('shows a readable error for invalid JSON and for an HTML page', async () => {
    const broken = await fixture<OpsCountryTable>(html`<ops-country-table src="/test/fixtures/truncated.json"></ops-country-table>`);
    expect(text((await loaded(broken)).querySelector('[part="error"]'))).to.contain('not valid JSON');
    const page = await fixture<OpsCountryTable>(html`<ops-country-table src="/test/fixtures/html-page.json"></ops-country-table>`);
    expect(text((await loaded(page)).querySelector('[part="error"]'))).to.contain('web page (HTML) instead of JSON');
  });

  it('says so when the dataset lists no stations', async () => {
    const el = await fixture<OpsCountryTable>(html`<ops-country-table src="/test/fixtures/empty.json"></ops-country-table>`);
    const root = await loaded(el);
    expect(text(root.querySelector('.empty'))).to.equal('This dataset lists no stations yet.');
    expect(text(root.querySelector('[part="coverage"]'))).to.equal('0 reported stations in 0 countries.');
    expect(root.querySelector('[part="error"]')).to.equal(null);
  });

  it('counts skipped records in the widget', async () => {
    const data = await copyOfFixture();
    data.stations[0].country = 'XX';
    data.stations[1].location = { lat: 0, lon: 999, precision: 'city' };
    const el = await fixture<OpsCountryTable>(html`<ops-country-table .data=${data}></ops-country-table>`);
    const root = await loaded(el);
    expect(text(root.querySelector('[part="notice"]'))).to.equal('2 records skipped — see console');
    expect(text(root.querySelector('tr[data-country="IT"] .col-stations'))).to.equal('0');
  });

  it('is accessible (axe), collapsed and expanded, light and dark', async () => {
    const { el, root } = await table();
    await expect(el).to.be.accessible();
    (root.querySelector('tr[data-country="NL"] .expand') as HTMLButtonElement).click();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

describe('stationsCsv', () => {
  it('writes one row per station with a BOM, quoting and formula neutralising', async () => {
    const data = await copyOfFixture();
    data.stations[0].notes = '=HYPERLINK("http://evil"), "quoted", line\nbreak';
    data.stations[0].city = '@Milan';
    const { dataset } = validateDataset(data);
    const csv = stationsCsv(dataset, 'en');
    expect(csv.charCodeAt(0)).to.equal(0xfeff);
    const lines = csv.slice(1).split('\r\n').length > 1 ? csv.slice(1).split('\r\n') : csv.slice(1).split('\n');
    expect(lines[0]).to.equal(
      'station_id,country_code,country,city,latitude,longitude,location_precision,bureau,status,status_date,first_reported,listed_in,notes,source_ids,source_urls',
    );
    expect(csv).to.contain(`st-milan,IT,Italy,'@Milan,45.46,9.19,city,Qingtian (Lishui),reported,,2022-09-12,t-1 t-2,"'=HYPERLINK(""http://evil""), ""quoted"", line\nbreak",s-ngo,https://example.org/report`);
    expect(csv).to.contain('st-belfast,GB,United Kingdom,Belfast,54.6,-5.93,');
    expect(stationsCsv(dataset, 'en', new Set(['NL'])).trim().split('\n')).to.have.length(2);
  });

  it('neutralises every formula prefix but leaves numbers alone', () => {
    expect(['=1+1', '+cmd', '-cmd', '@SUM(A1)', '\tx', '-74.006', '12', 'text'].map(neutraliseFormula)).to.deep.equal([
      "'=1+1",
      "'+cmd",
      "'-cmd",
      "'@SUM(A1)",
      "'\tx",
      '-74.006',
      '12',
      'text',
    ]);
  });
});
