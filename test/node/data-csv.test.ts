// The editors' workflow: data/csv/ ⇄ JSON, data:build and data:check on real
// and broken copies. Run with `npm run test:node`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { csvFormatRows, csvParseRows } from 'd3-dsv';
import type { Dataset } from '../../src/data/schema.js';
import { validateDataset } from '../../src/data/validate.js';
import { datasetToCsv, formatDatasetJson, readCsvFolder } from '../../scripts/lib-data-csv.js';
import { sha256 } from '../../scripts/lib-data-pipeline.js';

const root = resolve(import.meta.dirname, '../..');
const jsonFile = join(root, 'data', 'overseas-police-stations.json');
const jsonText = readFileSync(jsonFile, 'utf8');
const dataset = JSON.parse(jsonText) as Dataset;

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const scratchDirs: string[] = [];
after(() => scratchDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A scratch copy of data/: csv/, the JSON, the translations beside it and the changelog (removed after the tests). */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ops-data-'));
  scratchDirs.push(dir);
  cpSync(join(root, 'data', 'csv'), join(dir, 'csv'), { recursive: true });
  cpSync(jsonFile, join(dir, 'overseas-police-stations.json'));
  for (const f of readdirSync(join(root, 'data')).filter((f) => /^overseas-police-stations\.zh-Han[st]\.json$/.test(f))) cpSync(join(root, 'data', f), join(dir, f));
  cpSync(join(root, 'data', 'CHANGELOG.md'), join(dir, 'CHANGELOG.md'));
  return dir;
}

/** Edits one cell of a CSV file: the row whose first cell is `key`, the column named `column`. */
function editCell(file: string, key: string, column: string, value: string | ((old: string) => string)): void {
  const rows = csvParseRows(readFileSync(file, 'utf8'));
  const col = rows[0]!.indexOf(column);
  const row = rows.find((r) => r[0] === key);
  assert.ok(row && col >= 0, `${key}/${column} not found in ${file}`);
  row[col] = typeof value === 'function' ? value(row[col]!) : value;
  writeFileSync(file, `${csvFormatRows(rows)}\n`);
}

function spreadsheetRow(file: string, key: string): number {
  return csvParseRows(readFileSync(file, 'utf8')).findIndex((r) => r[0] === key) + 1;
}

describe('CSV form of the dataset', () => {
  test('JSON → CSV → JSON is byte-identical on the real dataset', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-roundtrip-'));
    scratchDirs.push(dir);
    for (const [name, text] of Object.entries(datasetToCsv(dataset))) writeFileSync(join(dir, name), text);
    const read = readCsvFolder(dir);
    assert.deepEqual(read.problems, []);
    assert.equal(formatDatasetJson(read.dataset), jsonText);
  });

  test('data/csv/ is what the JSON converts to (the committed files are in sync)', () => {
    for (const [name, text] of Object.entries(datasetToCsv(dataset))) {
      assert.equal(readFileSync(join(root, 'data', 'csv', name), 'utf8'), text, name);
    }
  });

  test('the published checksum matches the JSON', () => {
    const [hash, name] = readFileSync(`${jsonFile}.sha256`, 'utf8').trim().split(/\s+/);
    assert.equal(hash, sha256(jsonText));
    assert.equal(name, 'overseas-police-stations.json');
  });

  test('checking the published file changes nothing in it (so widgets may trust it by its checksum, src/data/load.ts)', () => {
    const { dataset: checked, skipped } = validateDataset(JSON.parse(jsonText));
    assert.deepEqual(skipped, []);
    assert.deepEqual(checked, JSON.parse(jsonText));
  });

  test('the build embeds the published checksum, and dist/ serves the same bytes', () => {
    const [hash] = readFileSync(`${jsonFile}.sha256`, 'utf8').trim().split(/\s+/);
    const dist = join(root, process.env.OPS_OUT || 'dist');
    assert.equal(sha256(readFileSync(join(dist, 'data', 'overseas-police-stations.json'), 'utf8')), hash);
    const chunks = readdirSync(join(dist, 'chunks')).filter((f) => f.endsWith('.js'));
    assert.ok(chunks.some((f) => readFileSync(join(dist, 'chunks', f), 'utf8').includes(hash!)), 'no chunk carries the checksum');
  });

  test('refuses values the CSV form cannot hold', () => {
    const odd = structuredClone(dataset);
    odd.stations[0]!.city = '';
    odd.events[0]!.countries = [];
    assert.throws(() => datasetToCsv(odd), /stations\[0\]\.city: an empty string[\s\S]*events\[0\]\.countries: an empty list/);
  });

  test('reads spreadsheet habits: a byte-order mark, CRLF line ends, spaces around cells, "yes" for true', () => {
    const dir = scratch();
    const file = join(dir, 'csv', 'events.csv');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    editCell(join(dir, 'csv', 'stations.csv'), 'ST001', 'city', (c) => `  ${c} `);
    const read = readCsvFolder(join(dir, 'csv'));
    assert.deepEqual(read.problems, []);
    assert.equal(formatDatasetJson(read.dataset), jsonText);
  });

  test('columns may be moved; messages then give the column letter where it is', () => {
    const dir = scratch();
    const file = join(dir, 'csv', 'stations.csv');
    // Move "status" (J) to the front.
    const rows = csvParseRows(readFileSync(file, 'utf8')).map((r) => [r[9]!, ...r.slice(0, 9), ...r.slice(10)]);
    writeFileSync(file, `${csvFormatRows(rows)}\n`);
    assert.equal(formatDatasetJson(readCsvFolder(join(dir, 'csv')).dataset), jsonText);
    rows[3]![0] = 'gone';
    writeFileSync(file, `${csvFormatRows(rows)}\n`);
    const { err } = run('data-check.ts', [join(dir, 'csv')]);
    assert.match(err, /stations\.csv, row 4, column status \(A\): "gone" is not one of/);
  });
});

describe('npm run data:check', () => {
  test('passes on the committed dataset (CSV folder and JSON)', () => {
    const { code, out, err } = run('data-check.ts', []);
    assert.equal(code, 0, err);
    assert.match(out, /data\/csv: ok \(98 stations/);
    assert.match(out, /overseas-police-stations\.json: ok/);
    assert.match(out, /sd-2022-12 .* reports 102 stations in 53 countries; 87 of them/);
  });

  test('fails on a broken CSV copy, naming file, row and column of every problem', () => {
    const dir = scratch();
    const stations = join(dir, 'csv', 'stations.csv');
    const events = join(dir, 'csv', 'events.csv');
    editCell(stations, 'ST012', 'status', 'shut');
    editCell(stations, 'ST020', 'lat', '4O.5');
    editCell(stations, 'ST030', 'country', 'FR'); // Barcelona placed in France
    editCell(events, 'ev-010', 'sources', (s) => `${s};XX99`);
    editCell(events, 'ev-020', 'date', '2099-01-01');
    const { code, err } = run('data-check.ts', [join(dir, 'csv')]);
    assert.equal(code, 1);
    const s = spreadsheetRow;
    assert.match(err, new RegExp(`stations\\.csv, row ${s(stations, 'ST012')}, column status \\(J\\): "shut" is not one of`));
    assert.match(err, new RegExp(`stations\\.csv, row ${s(stations, 'ST020')}, column lat \\(D\\): "4O\\.5" is not a number`));
    assert.match(err, new RegExp(`stations\\.csv, row ${s(stations, 'ST030')}, column lat \\(D\\): .* km outside FR`));
    assert.match(err, new RegExp(`events\\.csv, row ${s(events, 'ev-010')}, column sources \\(K\\): "XX99" is not a source id`));
    assert.match(err, new RegExp(`events\\.csv, row ${s(events, 'ev-020')}, column date \\(B\\): 2099-01-01 is in the future`));
  });

  test('fails on a broken JSON copy, naming line and column', () => {
    const dir = scratch();
    const file = join(dir, 'overseas-police-stations.json');
    const broken = JSON.parse(jsonText) as Dataset;
    broken.stations[3]!.country = 'XX';
    const text = formatDatasetJson(broken);
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.includes('"country": "XX"')) + 1;
    const { code, err } = run('data-check.ts', [file]);
    assert.equal(code, 1);
    assert.match(err, new RegExp(`overseas-police-stations\\.json, line ${line}, column \\d+: stations\\[3\\]\\.country: "XX" is not an ISO 3166-1 code`));
  });

  test('fails when the JSON is stale, its checksum wrong, or the changelog lacks its version', () => {
    const dir = scratch();
    cpSync(`${jsonFile}.sha256`, join(dir, 'overseas-police-stations.json.sha256'));
    assert.equal(run('data-check.ts', ['--data-dir', dir]).code, 0);
    editCell(join(dir, 'csv', 'stations.csv'), 'ST003', 'city', 'Los Angeles (downtown)');
    writeFileSync(join(dir, 'overseas-police-stations.json.sha256'), `${'0'.repeat(64)}  overseas-police-stations.json\n`);
    writeFileSync(join(dir, 'CHANGELOG.md'), '# Dataset changelog\n');
    const { code, err } = run('data-check.ts', ['--data-dir', dir]);
    assert.equal(code, 1);
    assert.match(err, /overseas-police-stations\.json: is not what data\/csv\/ builds .*run npm run data:build/);
    assert.match(err, /overseas-police-stations\.json\.sha256: missing or does not match/);
    const version = (JSON.parse(readFileSync(jsonFile, 'utf8')) as Dataset).meta.version;
    assert.ok(err.includes(`CHANGELOG.md: no section "## ${version}"`), err);
  });

  test('a bad meta.json does not hide the problems in the CSV files', () => {
    const dir = scratch();
    const metaFile = join(dir, 'csv', 'meta.json');
    writeFileSync(metaFile, readFileSync(metaFile, 'utf8').replace(/"updated": "[^"]*"/, '"updated": "2026-13-01"'));
    const stations = join(dir, 'csv', 'stations.csv');
    editCell(stations, 'ST002', 'bureau', 'shanghai');
    editCell(stations, 'ST005', 'precision', '');
    const { code, err } = run('data-check.ts', [join(dir, 'csv')]);
    assert.equal(code, 1);
    assert.match(err, /meta\.json: "2026-13-01" is not a real date \[meta\.updated\]/);
    assert.match(err, /stations\.csv, row 3, column bureau \(G\): "shanghai" is not a bureau id/);
    assert.match(err, new RegExp(`stations\\.csv, row ${spreadsheetRow(stations, 'ST005')}, column precision \\(F\\): lat, lon and precision go together`));
  });

  test('reports an unused source, a bad countries.csv row and a missing column', () => {
    const dir = scratch();
    const countries = join(dir, 'csv', 'countries.csv');
    writeFileSync(countries, `${readFileSync(countries, 'utf8')}ZZ,response,2023,,closure,Closed.,SD01,\n`);
    const sources = join(dir, 'csv', 'sources.csv');
    writeFileSync(sources, `${readFileSync(sources, 'utf8')}XY01,Someone,Something,2023,https://example.org/,news,original,,en,,,,\n`);
    const sourceRow = readFileSync(sources, 'utf8').trimEnd().split('\n').length;
    const bureaus = join(dir, 'csv', 'bureaus.csv');
    writeFileSync(bureaus, readFileSync(bureaus, 'utf8').replace('province', 'provinz'));
    const { code, err } = run('data-check.ts', [join(dir, 'csv')]);
    assert.equal(code, 1);
    const rows = readFileSync(countries, 'utf8').trimEnd().split('\n').length;
    assert.match(err, new RegExp(`countries\\.csv, row ${rows}, column code \\(A\\): no "country" row for "ZZ"`));
    assert.match(err, new RegExp(`sources\\.csv, row ${sourceRow}: source XY01 is not cited`));
    assert.match(err, /bureaus\.csv, row 1, column provinz \(D\): unknown column/);
    assert.match(err, /bureaus\.csv, row 1, column province: this column is missing/);
  });
});

describe('npm run data:build', () => {
  test('an edited row (a station closed, with a new source) reaches the JSON, the checksum and the changelog', () => {
    const dir = scratch();
    const csv = join(dir, 'csv');
    writeFileSync(
      join(csv, 'sources.csv'),
      `${readFileSync(join(csv, 'sources.csv'), 'utf8')}XY01,Example Times,Station shut,2026-11-30,https://example.org/shut,news,original,,en,,,,\n`,
    );
    editCell(join(csv, 'stations.csv'), 'ST003', 'status', 'closed');
    editCell(join(csv, 'stations.csv'), 'ST003', 'statusDate', '2026-11-30');
    editCell(join(csv, 'stations.csv'), 'ST003', 'sources', (s) => `${s};XY01`);
    const out = join(dir, 'overseas-police-stations.json');
    const args = ['--csv', csv, '--out', out, '--changelog', join(dir, 'CHANGELOG.md')];
    const { code, err } = run('data-build.ts', args, { OPS_TODAY: '2026-12-31' });
    assert.equal(code, 0, err);
    const built = readFileSync(out, 'utf8');
    const d = JSON.parse(built) as Dataset;
    const st = d.stations.find((s) => s.id === 'ST003')!;
    assert.equal(st.status, 'closed');
    assert.equal(st.statusDate, '2026-11-30');
    assert.ok(st.sources.includes('XY01'));
    assert.equal(d.meta.version, '2026.12.31');
    assert.equal(d.meta.updated, '2026-12-31');
    assert.equal(JSON.parse(readFileSync(join(csv, 'meta.json'), 'utf8')).version, '2026.12.31');
    assert.equal(readFileSync(`${out}.sha256`, 'utf8'), `${sha256(built)}  overseas-police-stations.json\n`);
    const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
    assert.match(changelog, /## 2026\.12\.31 \(2026-12-31\)\n\n- Closed: station ST003 \(Los Angeles, US\): status reported → closed; statusDate \(none\) → 2026-11-30; sources \+XY01\n- Added: source XY01/);
    assert.ok(changelog.indexOf('## 2026.12.31') < changelog.indexOf('## 2026.11.27'));
    // Building again changes nothing.
    assert.equal(run('data-build.ts', args, { OPS_TODAY: '2026-12-31' }).code, 0);
    assert.equal(readFileSync(out, 'utf8'), built);
    assert.equal(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8'), changelog);
  });

  test('a broken edit gives a precise message and leaves the JSON alone', () => {
    const dir = scratch();
    const csv = join(dir, 'csv');
    editCell(join(csv, 'stations.csv'), 'ST003', 'status', 'shut down');
    const out = join(dir, 'overseas-police-stations.json');
    const { code, err } = run('data-build.ts', ['--csv', csv, '--out', out, '--changelog', join(dir, 'CHANGELOG.md')]);
    assert.equal(code, 1);
    assert.match(err, /stations\.csv, row 4, column status \(J\): "shut down" is not one of reported, under-investigation, closed, denied \[ST003 · stations\[2\]\.status\]/);
    assert.match(err, /was not written/);
    assert.equal(readFileSync(out, 'utf8'), jsonText);
  });
});
