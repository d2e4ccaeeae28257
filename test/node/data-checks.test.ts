// The editorial checks, the geometry behind the point-in-country check, the
// changelog format and the JSON position finder. Run with `npm run test:node`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import type { Dataset } from '../../src/data/schema.js';
import { isoAlpha2Codes, isoNumeric } from '../../src/data/iso-numeric.js';
import { addToChangelog, changelogHasVersion, diffDatasets } from '../../scripts/lib-data-changelog.js';
import { checkDataset } from '../../scripts/lib-data-checks.js';
import { checkPlace } from '../../scripts/lib-data-geo.js';
import { jsonPositions, positionOf } from '../../scripts/lib-data-report.js';

const root = resolve(import.meta.dirname, '../..');
const dataset = JSON.parse(readFileSync(join(root, 'data', 'overseas-police-stations.json'), 'utf8')) as Dataset;

function mini(): Dataset {
  return {
    schemaVersion: 1,
    meta: {
      title: 'T', description: '', updated: '2025-06-01', version: '1', license: 'CC BY 4.0', credit: 'C',
      reportedTotals: [{ id: 'r1', asOf: '2022-12', stations: 3, countries: 2, source: 'S1' }],
    },
    sources: [
      { id: 'S1', publisher: 'P', title: 'T', date: '2022-12-05', url: 'https://example.org/1', kind: 'ngo-report', access: 'original' },
      { id: 'S2', publisher: 'P', title: 'T', date: '2023', url: 'https://example.org/2', kind: 'news', access: 'original' },
    ],
    bureaus: [{ id: 'fuzhou', name: 'Fuzhou', province: 'Fujian' }],
    stations: [
      { id: 'A', country: 'FR', city: 'Paris', location: { lat: 48.8566, lon: 2.3522, precision: 'city' }, bureau: 'fuzhou', listedIn: ['r1'], status: 'reported', sources: ['S1'] },
      { id: 'B', country: 'FR', city: 'Paris', location: { lat: 48.8566, lon: 2.3522, precision: 'city' }, bureau: 'fuzhou', listedIn: ['r1'], status: 'reported', sources: ['S1'] },
    ],
    countries: [{ code: 'FR', responses: [] }],
    events: [],
  };
}

describe('editorial checks', () => {
  test('the committed dataset has no problems beyond the acknowledged ones', () => {
    const report = checkDataset(dataset, { today: dataset.meta.updated });
    assert.deepEqual(
      report.errors.map((p) => `${p.check} ${p.record}`).sort(),
      ['outside-country ST059',
        'unused-source CN17', 'unused-source IR07', 'unused-source N018', 'unused-source N020', 'unused-source N028'],
    );
  });

  test('finds unused sources, unexplained duplicates, future dates, points abroad, missing countries', () => {
    const d = mini();
    d.stations[1]!.location = { lat: 40.7128, lon: -74.006, precision: 'city' };
    d.stations.push({ id: 'C', country: 'DE', city: 'Berlin', bureau: 'unknown', listedIn: [], status: 'reported', statusDate: '2026-12', sources: ['S1'] });
    d.meta.reportedTotals[0]!.source = 'S9';
    const report = checkDataset(d, { today: '2026-11-27' });
    const found = report.errors.map((p) => `${p.check} ${p.path}`).sort();
    assert.deepEqual(found, [
      'country-missing stations[2].country',
      'duplicate-station stations[0].notes',
      'duplicate-station stations[1].notes',
      'future-date stations[2].statusDate',
      'outside-country stations[1].location',
      'unknown-source meta.reportedTotals[0].source',
      'unused-source sources[1]',
    ]);
  });

  test('notes on each station explain a duplicate; acknowledgements turn a problem into a note', () => {
    const d = mini();
    d.stations[0]!.notes = 'The first of two Paris sites.';
    d.stations[1]!.notes = 'The second Paris site.';
    d.events.push({ id: 'e', date: '2023', kind: 'report', summary: 'x', sources: ['S2'] });
    assert.deepEqual(checkDataset(d, { today: '2026-11-27' }).errors, []);
    d.events = [];
    const report = checkDataset(d, { today: '2026-11-27', acknowledged: [{ check: 'unused-source', record: 'S2', reason: 'kept', row: 2 }] });
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.notes, ['acknowledged unused-source S2: kept']);
  });

  test('a record that rests only on copies fails unless an editor note on one of them says why', () => {
    const d = mini();
    d.stations[0]!.notes = 'The first of two Paris sites.';
    d.stations[1]!.notes = 'The second Paris site.';
    d.sources.push({ id: 'S3', publisher: 'Wire', title: 'T', date: '2023', url: 'https://example.org/3', kind: 'news', access: 'syndicated' });
    d.sources[1]!.access = 'copy';
    // A wire copy is citable, so e1 passes; e2 has an original; e3 has nothing but a copy.
    d.events.push({ id: 'e1', date: '2023', kind: 'report', summary: 'x', sources: ['S2', 'S3'] });
    d.events.push({ id: 'e2', date: '2023', kind: 'report', summary: 'y', sources: ['S2', 'S1'] });
    d.events.push({ id: 'e3', date: '2023', kind: 'report', summary: 'z', sources: ['S2'] });
    const report = checkDataset(d, { today: '2026-11-27' });
    assert.deepEqual(report.errors.map((p) => `${p.check} ${p.path} ${p.record}`), ['weak-only events[2].sources e3']);
    assert.match(report.errors[0]!.message, /rests only on copies \(S2: copy\)/);
    assert.ok(report.totals.includes('weak sources (copies on content farms, aggregators, forums or mirrors): 1; not read at their publisher (syndicated or copy): 2'));
    assert.ok(report.totals.includes('records resting only on second-hand sources (syndicated or copy): 2 of 5'));
    assert.ok(report.totals.includes('records resting only on weak sources (copies): 1 of 5'));
    d.sources[1]!.editorNote = 'Searched the stored pages for the original: not found.';
    assert.deepEqual(checkDataset(d, { today: '2026-11-27' }).errors, []);
    delete d.sources[0]!.access;
    assert.deepEqual(checkDataset(d, { today: '2026-11-27' }).errors.map((p) => `${p.check} ${p.record}`), ['access-missing S1']);
  });

  test('a partial date is in the future only when all of it is', () => {
    const d = mini();
    d.sources[1]!.date = '2026-11';
    d.events.push({ id: 'e', date: '2026', end: '2025', kind: 'report', summary: 'x', sources: ['S2'] });
    const report = checkDataset(d, { today: '2026-11-27' });
    assert.deepEqual(report.errors.map((p) => p.check).filter((c) => c !== 'duplicate-station'), ['end-before-start']);
  });

  test('compares the counts the widgets show with the reports\' totals', () => {
    const totals = checkDataset(dataset, { today: dataset.meta.updated }).totals;
    assert.equal(totals[0], 'this dataset: 98 stations in 44 countries (45 country entries)');
    assert.match(totals[2]!, /87 of them are in this dataset, in 44 countries \(15 stations and 9 countries not identified\)/);
    assert.match(totals[3]!, /^11 stations are named only by/);
  });
});

describe('geometry', () => {
  test('ISO numeric codes match world-atlas ids', () => {
    assert.equal(isoNumeric('US'), '840');
    assert.equal(isoNumeric('fr'), '250');
    assert.equal(isoNumeric('XK'), undefined);
    const codes = isoAlpha2Codes();
    assert.equal(codes.length, 249);
    assert.equal(new Set(codes.map((c) => isoNumeric(c))).size, 249);
  });

  test('inside, near (coastal tolerance), outside, and no shape', () => {
    assert.deepEqual(checkPlace('FR', 2.3522, 48.8566), { result: 'inside' });
    assert.equal(checkPlace('UA', 30.7233, 46.4825).result, 'near'); // Odesa, on the coast
    const abroad = checkPlace('FR', -74.006, 40.7128);
    assert.equal(abroad.result, 'outside');
    assert.ok(abroad.result === 'outside' && abroad.km > 1000);
    assert.equal(checkPlace('XK', 21.17, 42.67).result, 'no-shape');
    assert.equal(checkPlace('MT', 14.51, 35.9).result, 'no-shape'); // Malta: too small at 1:110m
  });
});

describe('changelog', () => {
  test('lists fact changes by kind', () => {
    const before = mini();
    const after = structuredClone(before);
    after.stations[0]!.status = 'closed';
    after.stations.pop();
    after.countries[0]!.responses.push({ date: '2023-01', kind: 'closure', summary: 'Closed.', sources: ['S1'] });
    after.sources[1]!.url = 'https://example.org/2b';
    assert.deepEqual(diffDatasets(before, after), [
      'Closed: station A (Paris, FR): status reported → closed',
      'Removed: station B (Paris, FR)',
      'Added: country FR response 2023-01 closure: Closed.',
      'Corrected: source S2 (P, 2023): url https://example.org/2 → https://example.org/2b',
    ]);
    assert.deepEqual(diffDatasets(before, structuredClone(before)), []);
  });

  test('adds a section on top, then adds to it without repeating lines', () => {
    const start = '# Log\n\nIntro.\n\n## 1 (2025-01-01)\n\n- First.\n';
    const once = addToChangelog(start, '2', '2025-02-01', ['Added: x']);
    assert.equal(once, '# Log\n\nIntro.\n\n## 2 (2025-02-01)\n\n- Added: x\n\n## 1 (2025-01-01)\n\n- First.\n');
    assert.equal(addToChangelog(once, '2', '2025-02-01', ['Added: x']), once);
    assert.match(addToChangelog(once, '2', '2025-02-01', ['Added: y']), /- Added: x\n- Added: y\n\n## 1/);
    assert.ok(changelogHasVersion(once, '2') && !changelogHasVersion(once, '3'));
  });
});

describe('JSON positions', () => {
  test('finds the line and column of any value, or of its record', () => {
    const text = '{\n "a": [\n  {\n   "b": 1,\n   "c": "x"\n  }\n ]\n}\n';
    const positions = jsonPositions(text);
    assert.deepEqual(positions.get('a[0].c'), { line: 5, column: 9 });
    assert.deepEqual(positionOf(positions, 'a[0].missing'), { line: 3, column: 3 });
  });
});
