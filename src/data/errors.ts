/**
 * What loading a dataset needs before (and usually without) the record-by-record
 * checks in validate.ts: the error type, the size limit, parsing, and the report of
 * skipped records. Kept apart so the validator (valibot and the schema) is loaded
 * only for a dataset that needs checking.
 */
import type { Dataset } from './schema.js';

/** Datasets up to this size render; above it the widgets say "too large". */
export const MAX_DATASET_BYTES = 25 * 1024 * 1024;

export interface Problem {
  /** e.g. `stations[12].country` */
  path: string;
  message: string;
}

export interface ValidDataset {
  dataset: Dataset;
  /** One entry per skipped record, with every problem found in it. */
  skipped: { path: string; problems: Problem[] }[];
}

/** What a server answered with a web page says; the loader also reads it as "nothing at this address". */
export const HTML_INSTEAD_OF_JSON = 'the server sent a web page (HTML) instead of JSON data';

/**
 * Why a dataset cannot be used at all. `reason` is short and plain; `url` names where it came
 * from; `fix`, for the console, says what a developer most likely has to change.
 */
export class DatasetError extends Error {
  constructor(
    readonly reason: string,
    readonly url?: string,
    readonly status?: number,
    readonly fix?: string,
  ) {
    super(url ? `${url}: ${reason}` : reason);
    this.name = 'DatasetError';
  }
}

/** Parses response text: HTML error pages, empty bodies and truncated JSON each get their own message. */
export function parseDatasetText(text: string): unknown {
  if (text.length > MAX_DATASET_BYTES) {
    throw new DatasetError(`the dataset is too large (${formatMB(text.length)}; the limit is ${formatMB(MAX_DATASET_BYTES)})`);
  }
  const start = text.trimStart();
  if (start === '') throw new DatasetError('the response was empty');
  if (start.startsWith('<')) throw new DatasetError(HTML_INSTEAD_OF_JSON);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DatasetError(`the data is not valid JSON (${(error as Error).message})`);
  }
}

function formatMB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const LOG_PREFIX = '[overseas-police-stations]';

/** Logs each skipped record's problems once, with where the dataset came from. */
export function logSkipped(loaded: ValidDataset, from: string): void {
  if (!loaded.skipped.length) return;
  console.warn(`${LOG_PREFIX} ${from}: ${loaded.skipped.length} record(s) skipped:`);
  for (const { path, problems } of loaded.skipped) {
    for (const p of problems) console.warn(`${LOG_PREFIX}   ${p.path}: ${p.message}`, `(record ${path})`);
  }
}
