import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { loadDataset, readDataset } from '../../src/data/load.js';
import { isCountryCode, isPartialDate } from '../../src/data/schema.js';
import { countryRows, coverage, sourcesFor, timelineSeries } from '../../src/data/selectors.js';
import { DatasetError, parseDatasetText, validateDataset } from '../../src/data/validate.js';
import { copyOfFixture, FIXTURE_URL } from '../helpers.js';

function problemsOf(data: unknown): string[] {
  return validateDataset(data).skipped.flatMap((s) => s.problems.map((p) => `${p.path}: ${p.message}`));
}

function structuralError(data: unknown): string {
  try {
    validateDataset(data);
  } catch (error) {
    expect(error).to.be.instanceOf(DatasetError);
    return (error as DatasetError).reason;
  }
  throw new Error('expected the dataset to be rejected');
}

describe('validateDataset', () => {
  it('accepts the fixture with nothing skipped', async () => {
    const { dataset, skipped } = validateDataset(await copyOfFixture());
    expect(skipped).to.deep.equal([]);
    expect(dataset.stations).to.have.length(5);
    expect(dataset.events).to.have.length(3);
  });

  it('rejects what is not a dataset object', () => {
    expect(structuralError([1, 2])).to.contain('a list, not a dataset object');
    expect(structuralError(null)).to.contain('null, not a dataset object');
    expect(structuralError('text')).to.contain('not a dataset object');
  });

  it('rejects the wrong schemaVersion', async () => {
    const data = await copyOfFixture();
    data.schemaVersion = 2;
    expect(structuralError(data)).to.equal('schemaVersion is 2; these widgets read schemaVersion 1');
  });

  it('rejects a missing top-level list, naming it', async () => {
    const data = await copyOfFixture();
    delete data.stations;
    expect(structuralError(data)).to.equal('the top-level list "stations" is missing');
    data.stations = {};
    expect(structuralError(data)).to.equal('"stations" should be a list, got an object');
  });

  it('rejects invalid meta with its field', async () => {
    const data = await copyOfFixture();
    delete data.meta.credit;
    expect(structuralError(data)).to.equal('meta.credit: is missing');
  });

  it('skips a station with a bad country code, naming record and field', async () => {
    const data = await copyOfFixture();
    data.stations[2].country = 'XX';
    const { dataset, skipped } = validateDataset(data);
    expect(skipped.map((s) => s.path)).to.deep.equal(['stations[2]']);
    expect(problemsOf(data)).to.deep.equal(['stations[2].country: "XX" is not an ISO 3166-1 code']);
    expect(dataset.stations.map((s) => s.id)).to.not.include('st-ams');
  });

  it('reports every problem at once: coordinates, dates, kinds, unknown sources, duplicates', async () => {
    const data = await copyOfFixture();
    data.stations[0].location.lat = 123;
    data.stations[1].firstReported = '2022-02-30';
    data.stations[3].sources = ['nope'];
    data.stations[4].id = 'st-milan';
    data.events[0].kind = 'rumour';
    data.events[1].sources = [];
    data.sources[2].date = 'last week';
    expect(problemsOf(data)).to.deep.equal([
      'events[0].kind: "rumour" is not one of repatriation, persuasion, opening, report, investigation, closure, arrest, charges, conviction, statement, agreement',
      'events[1].sources: needs at least one source',
      'sources[2].date: "last week" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)',
      'stations[0].location.lat: latitude must be between -90 and 90',
      'stations[1].firstReported: "2022-02-30" is not a real date',
      'stations[3].sources[0]: "nope" is not a source id in this dataset',
      'stations[4].id: "st-milan" is already used by stations[0]',
    ]);
  });

  it('skips records that cite a source that was itself skipped', async () => {
    const data = await copyOfFixture();
    data.sources[1].kind = 'blog';
    const { skipped } = validateDataset(data);
    expect(skipped.map((s) => s.path)).to.include.members(['sources[1]', 'stations[1]', 'stations[2]', 'stations[4]']);
  });

  it('skips a station whose bureau or listedIn id does not exist', async () => {
    const data = await copyOfFixture();
    data.stations[0].bureau = 'shanghai';
    data.stations[1].listedIn = ['t-9'];
    expect(problemsOf(data)).to.deep.equal([
      'stations[0].bureau: "shanghai" is not a bureau id in this dataset (or "unknown")',
      'stations[1].listedIn[0]: "t-9" is not an id in meta.reportedTotals',
    ]);
  });

  it('reports a missing field and a mistyped one', async () => {
    const data = await copyOfFixture();
    delete data.stations[0].status;
    data.stations[1].sources = 'nope';
    expect(problemsOf(data)).to.deep.equal([
      'stations[0].status: is missing',
      'stations[1].sources: should be Array, got "nope"',
    ]);
  });

  it('accepts any generated valid partial date and rejects impossible days', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        return isPartialDate(iso) && isPartialDate(iso.slice(0, 7)) && isPartialDate(iso.slice(0, 4));
      }),
    );
    expect(isPartialDate('2023-02-29')).to.equal(false);
    expect(isPartialDate('2024-02-29')).to.equal(true);
    expect(isPartialDate('2022-13')).to.equal(false);
  });

  it('knows ISO country codes through Intl, Kosovo included', () => {
    expect(isCountryCode('IT')).to.equal(true);
    expect(isCountryCode('XK')).to.equal(true);
    expect(isCountryCode('XX')).to.equal(false);
    expect(isCountryCode('EU')).to.equal(false);
    expect(isCountryCode('it')).to.equal(false);
  });
});

describe('parseDatasetText', () => {
  const reason = (text: string) => {
    try {
      parseDatasetText(text);
    } catch (error) {
      return (error as DatasetError).reason;
    }
    return 'accepted';
  };
  it('names HTML, empty, truncated and oversized responses', () => {
    expect(reason('<!doctype html><p>Error')).to.equal('the server sent a web page (HTML) instead of JSON data');
    expect(reason('  ')).to.equal('the response was empty');
    expect(reason('{"schemaVersion": 1,')).to.match(/^the data is not valid JSON \(/);
    expect(reason(' '.repeat(25 * 1024 * 1024 + 1))).to.match(/^the dataset is too large \(25\.0 MB; the limit is 25\.0 MB\)/);
    expect(reason('{}')).to.equal('accepted');
  });
});

describe('loadDataset', () => {
  it('fetches a URL once however many widgets ask', async () => {
    const url = `${FIXTURE_URL}?once=${Math.random()}`;
    const calls: string[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      calls.push(String(input));
      return original(input, init);
    };
    try {
      const [a, b, c] = await Promise.all([loadDataset(url), loadDataset(url), loadDataset(url)]);
      expect(a).to.equal(b);
      expect(b).to.equal(c);
      expect(calls).to.deep.equal([url]);
    } finally {
      window.fetch = original;
    }
  });

  it('rejects with the URL and HTTP status on a 404, and tries again next time', async () => {
    const url = new URL('/test/fixtures/does-not-exist.json', location.href).href;
    let error: DatasetError | undefined;
    await loadDataset(url).catch((e) => (error = e));
    expect(error?.status).to.equal(404);
    expect(error?.reason).to.match(/^the server answered HTTP 404/);
    expect(error?.message).to.contain(url);
    let second: unknown;
    await loadDataset(url).catch((e) => (second = e));
    expect(second).to.not.equal(error);
  });

  it('rejects truncated JSON with its URL', async () => {
    const url = new URL('/test/fixtures/truncated.json', location.href).href;
    const error = await loadDataset(url).catch((e: DatasetError) => e);
    expect((error as DatasetError).reason).to.match(/^the data is not valid JSON/);
    expect((error as DatasetError).url).to.equal(url);
  });
});

describe('selectors', () => {
  it('builds one row per country, most stations first, with bureaus and the latest response', async () => {
    const { dataset } = validateDataset(await copyOfFixture());
    const rows = countryRows(dataset);
    expect(rows.map((r) => r.code)).to.deep.equal(['IT', 'CA', 'GB', 'NL', 'DE']);
    const nl = rows.find((r) => r.code === 'NL')!;
    expect(nl.latestResponse?.kind).to.equal('closure');
    expect(nl.bureaus).to.deep.equal(['qingtian']);
    expect(rows.find((r) => r.code === 'IT')!.bureaus).to.deep.equal(['fuzhou', 'qingtian']);
    expect(rows.find((r) => r.code === 'DE')!.stations).to.have.length(0);
  });

  it('measures coverage against the latest reported total', async () => {
    const { dataset } = validateDataset(await copyOfFixture());
    const c = coverage(dataset);
    expect(c.total?.id).to.equal('t-2');
    expect([c.listed, c.listedCountries, c.others, c.stations, c.countries]).to.deep.equal([4, 3, 1, 5, 4]);
  });

  it('finds the sources behind a station, an event and a country', async () => {
    const { dataset } = validateDataset(await copyOfFixture());
    expect(sourcesFor(dataset, 'st-rome').map((s) => s.id)).to.deep.equal(['s-ngo', 's-news']);
    expect(sourcesFor(dataset, 'ev-1').map((s) => s.id)).to.deep.equal(['s-cn']);
    expect(sourcesFor(dataset, 'NL').map((s) => s.id)).to.deep.equal(['s-news']);
    expect(sourcesFor(dataset, 'nothing')).to.deep.equal([]);
  });

  it('splits events into cases, official figures and context, in date order', async () => {
    const { dataset } = validateDataset(await copyOfFixture());
    const s = timelineSeries(dataset);
    expect(s.cases.map((e) => e.id)).to.deep.equal(['ev-3']);
    expect(s.official.map((e) => e.id)).to.deep.equal(['ev-2']);
    expect(s.context.map((e) => e.id)).to.deep.equal(['ev-1']);
    expect(timelineSeries(dataset, { country: 'IT' }).cases.map((e) => e.id)).to.deep.equal(['ev-3']);
  });
});

describe('trusting the bundled dataset by its checksum', () => {
  const digest = async (bytes: ArrayBuffer) =>
    Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

  it('without a trusted checksum (outside a build: tests, Storybook), every record is checked', async () => {
    const broken = await copyOfFixture();
    broken.stations[0].country = 'XX';
    const loaded = await readDataset(new TextEncoder().encode(JSON.stringify(broken)).buffer as ArrayBuffer);
    expect(loaded.skipped.map((s) => s.path)).to.include('stations[0]');
  });

  it('uses the file as it is when its bytes have the trusted SHA-256', async () => {
    const bytes = await (await fetch(FIXTURE_URL)).arrayBuffer();
    const loaded = await readDataset(bytes, await digest(bytes));
    expect(loaded.skipped).to.deep.equal([]);
    expect(loaded.dataset).to.deep.equal(JSON.parse(new TextDecoder().decode(bytes)));
  });

  it('checks every record of any other file, even one differing by a byte from the trusted one', async () => {
    const original = await (await fetch(FIXTURE_URL)).arrayBuffer();
    const broken = await copyOfFixture();
    broken.stations[0].country = 'XX';
    const bytes = new TextEncoder().encode(JSON.stringify(broken)).buffer as ArrayBuffer;
    const loaded = await readDataset(bytes, await digest(original));
    expect(loaded.skipped.map((s) => s.path)).to.include('stations[0]');
    const checkedInFull = await readDataset(original, '0'.repeat(64));
    expect(checkedInFull.skipped).to.deep.equal([]);
  });
});
