// data:check's translation checks: what fails (malformed files, translations of records the
// dataset does not have, a published file that is not what the CSV builds) and what is only
// reported (stale translations, coverage). Run with `npm run test:node`.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import type { Dataset } from '../../src/data/schema.js';
import {
  checkTranslations,
  englishHash,
  formatTranslationCsv,
  formatTranslationJson,
  readTranslationCsv,
  translationFile,
  translationJson,
} from '../../scripts/lib-data-translations.js';

const root = resolve(import.meta.dirname, '../..');
const dataset = JSON.parse(readFileSync(join(root, 'data', 'overseas-police-stations.json'), 'utf8')) as Dataset;
const [first, second] = dataset.events;

type Row = { field: string; sourceHash: string; reviewed: boolean; text: string };

/** A data folder with one zh-Hans CSV and the JSON it builds (unless `json` is given). */
function folder(rows: Row[], json?: string): { csvDir: string; dataDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'ops-translations-'));
  const csvDir = join(dataDir, 'csv');
  mkdirSync(join(csvDir, 'translations'), { recursive: true });
  writeFileSync(join(csvDir, 'translations', 'zh-Hans.csv'), formatTranslationCsv(rows.map((r, i) => ({ ...r, row: i + 2 }))));
  const read = readTranslationCsv(csvDir, 'zh-Hans')!;
  writeFileSync(translationJson(dataDir, 'zh-Hans'), json ?? formatTranslationJson(translationFile(read, dataset)));
  return { csvDir, dataDir };
}

const current: Row = { field: `events/${first!.id}/summary`, sourceHash: englishHash(first!.summary), reviewed: false, text: '译文' };
const stale: Row = { field: `events/${second!.id}/summary`, sourceHash: englishHash(`${second!.summary} (an older wording)`), reviewed: false, text: '旧译文' };

describe('translation checks', () => {
  test('a stale translation is reported, not a failure, and coverage counts only current ones', () => {
    const { csvDir, dataDir } = folder([current, stale]);
    const report = checkTranslations(dataset, csvDir, dataDir);
    assert.deepEqual(report.problems, []);
    assert.deepEqual(report.stale.map((s) => s.field), [stale.field]);
    assert.match(report.lines[0]!, /^zh-Hans: 1 of \d+ fields translated and current \(event summaries 1\/\d+, .*1 stale/);
  });

  test('a translation of a record the dataset does not have fails', () => {
    const { csvDir, dataDir } = folder([current, { ...current, field: 'events/no-such-event/summary' }]);
    const report = checkTranslations(dataset, csvDir, dataDir);
    assert.equal(report.problems.length, 1);
    assert.match(report.problems[0]!, /row 3, column field: events\/no-such-event\/summary: the dataset has no such record/);
  });

  test('a malformed row fails, with its row and column', () => {
    const { csvDir, dataDir } = folder([{ ...current, sourceHash: 'not-a-hash' }, { ...stale, field: 'events/x/title' }]);
    const problems = checkTranslations(dataset, csvDir, dataDir).problems.join('\n');
    assert.match(problems, /row 2, column sourceHash: must be 12 hex digits/);
    assert.match(problems, /row 3, column field: "events\/x\/title" is not a translatable field/);
  });

  test('a malformed or hand-edited published file fails', () => {
    let report = checkTranslations(dataset, ...Object.values(folder([current], '{"lang": "zh-Hans"}')) as [string, string]);
    assert.match(report.problems.join('\n'), /zh-Hans\.json: translationOf: is missing/);
    const built = JSON.parse(formatTranslationJson(translationFile({ lang: 'zh-Hans', rows: [{ ...current, row: 2 }], meta: {}, problems: [] }, dataset)));
    built.fields[current.field].text = '改过的译文';
    report = checkTranslations(dataset, ...Object.values(folder([current], formatTranslationJson(built))) as [string, string]);
    assert.match(report.problems.join('\n'), /is not what .*zh-Hans\.csv builds/);
  });

  test('the published files in data/ are current and well-formed', () => {
    const report = checkTranslations(dataset, join(root, 'data', 'csv'), join(root, 'data'));
    assert.deepEqual(report.problems, []);
    assert.equal(report.lines.length, 2);
  });
});
