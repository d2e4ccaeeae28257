// npm run data:check [files…] — validates datasets (default: data/*.json) with the
// same rules the widgets use, printing every problem with its path. Exits 1 on any.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DatasetError, parseDatasetText, validateDataset } from '../src/data/validate.js';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const files = args.length
  ? args.map((f) => resolve(f))
  : readdirSync(join(root, 'data'))
      .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
      .map((f) => join(root, 'data', f));

let problems = 0;
for (const file of files) {
  const name = relative(process.cwd(), file);
  try {
    const { dataset, skipped } = validateDataset(parseDatasetText(readFileSync(file, 'utf8')));
    for (const record of skipped) {
      for (const p of record.problems) console.error(`${name}: ${p.path}: ${p.message}`);
    }
    problems += skipped.length;
    const counts = `${dataset.stations.length} stations, ${dataset.countries.length} countries, ${dataset.events.length} events, ${dataset.sources.length} sources`;
    console.log(skipped.length ? `${name}: ${skipped.length} invalid record(s); valid: ${counts}` : `${name}: ok (${counts})`);
  } catch (error) {
    problems += 1;
    console.error(`${name}: ${error instanceof DatasetError ? error.reason : String(error)}`);
  }
}
process.exit(problems ? 1 : 0);
