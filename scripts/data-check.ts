// npm run data:check [paths…] — checks datasets with the rules the widgets use
// (schema, ids, references) and the editorial checks of scripts/lib-data-checks.ts
// (every source cited, points inside their country, no unexplained duplicate
// stations, no future dates, …). A path is a dataset JSON file or a CSV folder
// like data/csv/. Every problem is printed with its file and row and column
// (CSV) or line and column (JSON). Exits 1 on any problem.
//
// Without paths: data/csv/, every data/*.json dataset, and that the JSON is what
// data/csv/ builds, that its .sha256 matches and that data/CHANGELOG.md has a
// section for its version. --verbose lists the acknowledged exceptions;
// --data-dir DIR checks another copy of data/ that way.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { changelogHasVersion } from './lib-data-changelog.js';
import { formatDatasetJson } from './lib-data-csv.js';
import { checkCsvFolder, checkJsonText, sha256File, type CheckOutcome } from './lib-data-pipeline.js';
import { checkTranslations } from './lib-data-translations.js';
import { TRANSLATION_LANGS } from '../src/data/translation.js';

const { values, positionals: args } = parseArgs({
  allowPositionals: true,
  options: { verbose: { type: 'boolean', default: false }, 'data-dir': { type: 'string' } },
});
const verbose = values.verbose;
// The data folder checked when no paths are given (another copy of data/ for tests).
const dataDir = resolve(values['data-dir'] ?? join(import.meta.dirname, '..', 'data'));
const csvDir = join(dataDir, 'csv');
const defaultJson = join(dataDir, 'overseas-police-stations.json');
const targets = args.length
  ? args.map((f) => resolve(f))
  : [
      ...(existsSync(csvDir) ? [csvDir] : []),
      ...readdirSync(dataDir)
        // Translations beside the dataset are checked with data/csv/ (below), not as datasets.
        .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json') && !TRANSLATION_LANGS.some((l) => f.endsWith(`.${l}.json`)))
        .map((f) => join(dataDir, f)),
    ];
const show = (f: string) => relative(process.cwd(), f) || f;

let failed = 0;
let printedTotals = '';
function report(name: string, outcome: CheckOutcome): void {
  for (const line of outcome.problems) console.error(line);
  const acknowledged = outcome.notes.filter((n) => n.startsWith('acknowledged '));
  for (const note of outcome.notes) if (verbose || !note.startsWith('acknowledged ')) console.log(`${name}: note: ${note}`);
  if (acknowledged.length && !verbose) console.log(`${name}: ${acknowledged.length} known exception(s) acknowledged in data/csv/acknowledged.csv (--verbose lists them)`);
  const d = outcome.dataset;
  const counts = d && Array.isArray(d.stations) ? `${d.stations.length} stations, ${d.countries?.length} countries, ${d.events?.length} events, ${d.sources?.length} sources` : '';
  if (outcome.problems.length) {
    failed += outcome.problems.length;
    console.error(`${name}: ${outcome.problems.length} problem(s)`);
  } else console.log(`${name}: ok (${counts})`);
  // The same data in two forms gives the same totals: print them once. Printed on failure too,
  // so the sourcing counts are there to compare while records are being fixed.
  const totals = outcome.totals.join('\n');
  if (totals !== printedTotals) for (const line of outcome.totals) console.log(`  ${line}`);
  printedTotals = totals;
}

let built: string | undefined;
for (const target of targets) {
  const name = show(target);
  if (!existsSync(target)) {
    console.error(`${name}: no such file or folder`);
    failed++;
    continue;
  }
  if (statSync(target).isDirectory()) {
    const outcome = checkCsvFolder(target);
    report(name, outcome);
    if (!outcome.problems.length && target === csvDir) {
      built = formatDatasetJson(outcome.dataset!);
      // The dataset's text in other languages: malformed files and translations of unknown
      // records fail; coverage and stale translations (shown in English) are reported.
      const translations = checkTranslations(outcome.dataset!, csvDir, dataDir);
      for (const line of translations.problems) console.error(line);
      for (const line of translations.lines) console.log(`translations: ${line}`);
      if (verbose) for (const s of translations.stale) console.log(`  stale ${s.lang} ${s.field}: the English is now ${JSON.stringify(s.english)}`);
      else if (translations.stale.length) console.log(`  (--verbose lists the stale translations with their current English)`);
      failed += translations.problems.length;
    }
  } else {
    const text = readFileSync(target, 'utf8');
    const outcome = checkJsonText(target, text);
    report(name, outcome);
    if (target !== defaultJson || args.length) continue;
    // The published file: built from data/csv/, with its checksum and changelog entry.
    if (built !== undefined && built !== text) {
      console.error(`${name}: is not what data/csv/ builds (the CSVs are the source of truth): run npm run data:build`);
      failed++;
    }
    const shaFile = `${target}.sha256`;
    if (!existsSync(shaFile) || readFileSync(shaFile, 'utf8') !== sha256File(text, basename(target))) {
      console.error(`${show(shaFile)}: missing or does not match ${name}: run npm run data:build`);
      failed++;
    }
    const changelog = join(dataDir, 'CHANGELOG.md');
    const version = outcome.dataset?.meta?.version;
    if (version && (!existsSync(changelog) || !changelogHasVersion(readFileSync(changelog, 'utf8'), version))) {
      console.error(`${show(changelog)}: no section "## ${version}" for the dataset's version (meta.version)`);
      failed++;
    }
  }
}
process.exit(failed ? 1 : 0);
