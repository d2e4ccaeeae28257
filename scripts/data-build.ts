// npm run data:build — builds data/overseas-police-stations.json from the
// editors' CSV files in data/csv/ (the source of truth), after every check
// data:check runs; writes the .sha256 beside it and records fact changes in
// data/CHANGELOG.md.
//
//   npm run data:build                     data/csv/ → data/overseas-police-stations.json
//   npm run data:build -- --from-json      the reverse, once: writes data/csv/ from the JSON
//                                          (refuses to overwrite data/csv/ without --force)
//   options: --csv DIR  --out FILE  --changelog FILE   (for tests and other copies)
//
// When the facts differ from the JSON being replaced and meta.json still has
// the old version, the build sets meta.updated to today and meta.version to
// today's date (YYYY.MM.DD; same-day edits join that day's version), writes
// them back to meta.json, and adds the changes to the changelog.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Dataset } from '../src/data/schema.js';
import { validateDataset } from '../src/data/validate.js';
import { addToChangelog, CHANGELOG_HEADER, diffDatasets } from './lib-data-changelog.js';
import { today } from './lib-data-checks.js';
import { datasetToCsv, formatDatasetJson, formatMetaJson, META_FILE } from './lib-data-csv.js';
import { checkCsvFolder, sha256File } from './lib-data-pipeline.js';
import { checkTranslations, formatTranslationCsv, formatTranslationJson, readTranslationCsv, stampHashes, translationCsv, translationFile, translationJson } from './lib-data-translations.js';
import { TRANSLATION_LANGS } from '../src/data/translation.js';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    csv: { type: 'string', default: join(root, 'data', 'csv') },
    out: { type: 'string', default: join(root, 'data', 'overseas-police-stations.json') },
    changelog: { type: 'string' },
    'from-json': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
  },
});
const csvDir = resolve(values.csv!);
const out = resolve(values.out!);
const changelogFile = resolve(values.changelog ?? join(dirname(out), 'CHANGELOG.md'));
const show = (f: string) => relative(process.cwd(), f) || f;

if (values['from-json']) {
  if (existsSync(join(csvDir, META_FILE)) && !values.force) {
    console.error(`${show(csvDir)} already exists and is the source of truth; use --force to overwrite it from ${show(out)}`);
    process.exit(1);
  }
  const dataset = JSON.parse(readFileSync(out, 'utf8')) as Dataset;
  mkdirSync(csvDir, { recursive: true });
  for (const [name, text] of Object.entries(datasetToCsv(dataset))) writeFileSync(join(csvDir, name), text);
  console.log(`wrote ${show(csvDir)}/ from ${show(out)}`);
  process.exit(0);
}

const checked = checkCsvFolder(csvDir);
const acknowledged = checked.notes.filter((n) => n.startsWith('acknowledged '));
for (const note of checked.notes) if (!note.startsWith('acknowledged ')) console.log(`note: ${note}`);
if (acknowledged.length) console.log(`${acknowledged.length} known exception(s) acknowledged in ${show(csvDir)}/acknowledged.csv (npm run data:check -- --verbose lists them)`);
if (checked.problems.length) {
  for (const line of checked.problems) console.error(line);
  console.error(`\n${checked.problems.length} problem(s); ${show(out)} was not written.`);
  process.exit(1);
}
const built = checked.dataset!;

// Compare the facts with the file being replaced.
let previous: Dataset | undefined;
if (existsSync(out)) {
  try {
    const raw = JSON.parse(readFileSync(out, 'utf8')) as Dataset;
    validateDataset(raw); // throws if it is not a dataset at all
    previous = raw;
  } catch {
    console.warn(`note: ${show(out)} could not be read as a dataset; no changelog entry is made`);
  }
}
const changes = previous ? diffDatasets(previous, built) : [];
if (changes.length && previous) {
  if (built.meta.version === previous.meta.version) {
    const now = today();
    built.meta.updated = now;
    built.meta.version = now.replaceAll('-', '.');
    writeFileSync(join(csvDir, META_FILE), formatMetaJson(built.meta));
    console.log(`meta.json: updated ${now}, version ${built.meta.version}`);
  }
  const text = existsSync(changelogFile) ? readFileSync(changelogFile, 'utf8') : CHANGELOG_HEADER;
  const next = addToChangelog(text, built.meta.version, built.meta.updated, changes);
  if (next !== text) {
    writeFileSync(changelogFile, next);
    console.log(`${show(changelogFile)}: recorded under ${built.meta.version}:`);
    for (const line of changes) console.log(`  - ${line}`);
  }
}

const json = formatDatasetJson(built);
writeFileSync(out, json);
writeFileSync(`${out}.sha256`, sha256File(json, basename(out)));
console.log(`wrote ${show(out)} (${built.stations.length} stations, ${built.countries.length} countries, ${built.events.length} events, ${built.sources.length} sources; version ${built.meta.version}) and its .sha256`);
for (const line of checked.totals) console.log(`  ${line}`);

// The translations beside the dataset, from data/csv/translations/<lang>.csv. A row without a
// hash was just written or corrected: it is stamped with the hash of the English it now stands beside.
let translationProblems = 0;
for (const lang of TRANSLATION_LANGS) {
  const read = readTranslationCsv(csvDir, lang);
  if (!read) continue;
  if (read.problems.length) {
    for (const line of read.problems) console.error(line);
    translationProblems += read.problems.length;
    continue;
  }
  const stamped = stampHashes(read, built);
  if (stamped) {
    writeFileSync(translationCsv(csvDir, lang), formatTranslationCsv(read.rows));
    console.log(`${show(translationCsv(csvDir, lang))}: ${stamped} new translation(s) stamped with the hash of their English`);
  }
  const file = translationJson(dirname(out), lang);
  writeFileSync(file, formatTranslationJson(translationFile(read, built)));
  console.log(`wrote ${show(file)}`);
}
const translations = checkTranslations(built, csvDir, dirname(out));
for (const line of translations.lines) console.log(`  translations: ${line}`);
for (const line of translations.problems) console.error(line);
if (translationProblems || translations.problems.length) process.exit(1);
