/**
 * The steps `data:check` and `data:build` share: check the CSV folder or a JSON
 * file, with every problem placed at its file, row and column (or line).
 */
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Dataset } from '../src/data/schema.js';
import { DatasetError, parseDatasetText } from '../src/data/validate.js';
import { checkDataset, readAcknowledgements } from './lib-data-checks.js';
import { locateInCsv, readCsvFolder, type FileProblem } from './lib-data-csv.js';
import { formatFileProblem, formatJsonProblem, jsonPositions, positionOf } from './lib-data-report.js';

export const ACKNOWLEDGED_FILE = 'acknowledged.csv';

export interface CheckOutcome {
  /** One line per problem, each naming file, row/line and column. Empty = passed. */
  problems: string[];
  notes: string[];
  totals: string[];
  /** The dataset as read (may be invalid when there are problems). */
  dataset?: Dataset;
}

const rowOf = (p: FileProblem) => `${p.file}|${p.row ?? ''}|${(p.column ?? '').replace(/ \(.*$/, '')}`;

/** Reads and checks a CSV folder (data/csv/). */
export function checkCsvFolder(dir: string, options: { today?: string } = {}): CheckOutcome {
  const read = readCsvFolder(dir);
  const acks = readAcknowledgements(join(dir, ACKNOWLEDGED_FILE));
  const report = checkDataset(read.dataset, { acknowledged: acks.list, ...options });
  // A cell already reported as unreadable (say, "abc" as a latitude) is not reported again by the schema.
  const seen = new Set(read.problems.map(rowOf));
  const located = report.errors
    .map((p): FileProblem => ({ ...locateInCsv(read.origins, p.path), path: p.path, message: p.message, ...(p.record ? { record: p.record } : {}), ...(p.check ? { check: p.check } : {}) }))
    .filter((p) => !seen.has(rowOf(p)));
  const all = [...read.problems, ...located].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.row ?? 0) - (b.row ?? 0),
  );
  return {
    problems: [...all.map(formatFileProblem), ...acks.problems],
    notes: report.notes,
    totals: report.totals,
    dataset: read.dataset,
  };
}

/** Parses and checks a dataset JSON file's text; acknowledgements come from `csv/acknowledged.csv` beside it. */
export function checkJsonText(file: string, text: string, options: { today?: string } = {}): CheckOutcome {
  let input: unknown;
  try {
    input = parseDatasetText(text);
  } catch (error) {
    return { problems: [`${file}: ${error instanceof DatasetError ? error.reason : String(error)}`], notes: [], totals: [] };
  }
  const acks = readAcknowledgements(join(dirname(file), 'csv', ACKNOWLEDGED_FILE));
  const report = checkDataset(input, { acknowledged: acks.list, ...options });
  const positions = report.errors.length ? jsonPositions(text) : undefined;
  const line = (p: { path: string }) => (positions ? (positionOf(positions, p.path)?.line ?? 0) : 0);
  const errors = [...report.errors].sort((a, b) => line(a) - line(b));
  return {
    problems: [...errors.map((p) => formatJsonProblem(file, positions, p)), ...acks.problems],
    notes: report.notes,
    totals: report.totals,
    dataset: input as Dataset,
  };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The `.sha256` file's text, in the format `sha256sum -c` reads. */
export function sha256File(text: string, name: string): string {
  return `${sha256(text)}  ${name}\n`;
}
