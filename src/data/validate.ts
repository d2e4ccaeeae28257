/**
 * Run-time validation: a structural problem rejects the whole dataset (DatasetError),
 * since nothing in it can be trusted; a problem inside one record skips that record, so one
 * bad entry does not blank a widget; every problem is reported with its path
 * ("stations[12].country: …").
 */
import * as v from 'valibot';
import { MetaSchema, RECORD_LISTS, SCHEMA_VERSION, type Dataset } from './schema.js';
import { DatasetError, type Problem, type ValidDataset } from './errors.js';

export { DatasetError, MAX_DATASET_BYTES, parseDatasetText, type Problem, type ValidDataset } from './errors.js';

function pathOf(base: string, issue: v.BaseIssue<unknown>): string {
  let path = base;
  for (const item of issue.path ?? []) {
    path += typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`;
  }
  return path;
}

function messageOf(issue: v.BaseIssue<unknown>): string {
  // valibot's own wording for a missing key or wrong type; ours for everything else.
  if (issue.kind === 'schema' && issue.input === undefined) return 'is missing';
  if (issue.kind === 'schema' && issue.type !== 'picklist') {
    return `should be ${issue.expected}, got ${describe(issue.input)}`;
  }
  return issue.message;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** valibot's issues as problems, each with its path and our wording (also used by `npm run data:check`). */
export function issuesToProblems(base: string, issues: readonly v.BaseIssue<unknown>[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    // Nested unions and pipes report their innermost issue; that is the one worth reading.
    if (issue.issues?.length) problems.push(...issuesToProblems(base, issue.issues));
    else problems.push({ path: pathOf(base, issue), message: messageOf(issue) });
  }
  return problems;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a parsed dataset. Throws DatasetError for structural problems;
 * otherwise returns the usable records and the skipped ones.
 */
export function validateDataset(input: unknown): ValidDataset {
  const steps = validationSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same checks, pausing between record lists: the browser awaits a task between steps
 * so validating a large dataset never blocks a reader's tap for long (see load.ts).
 */
export function* validationSteps(input: unknown): Generator<void, ValidDataset> {
  if (!isPlainObject(input)) {
    throw new DatasetError(`the data is ${describe(input)}, not a dataset object`);
  }
  if (input.schemaVersion !== SCHEMA_VERSION) {
    throw new DatasetError(
      `schemaVersion is ${describe(input.schemaVersion)}; these widgets read schemaVersion ${SCHEMA_VERSION}`,
    );
  }
  const meta = v.safeParse(MetaSchema, input.meta);
  if (!meta.success) {
    const first = issuesToProblems('meta', meta.issues)[0]!;
    throw new DatasetError(`${first.path}: ${first.message}`);
  }
  for (const name of Object.keys(RECORD_LISTS)) {
    if (!Array.isArray(input[name])) {
      throw new DatasetError(
        input[name] === undefined
          ? `the top-level list "${name}" is missing`
          : `"${name}" should be a list, got ${describe(input[name])}`,
      );
    }
  }

  const skipped: ValidDataset['skipped'] = [];
  // Each kept record remembers its index in the input, so later messages give the original path.
  type Kept = { record: Record<string, unknown>; index: number };
  const lists: Record<string, Kept[]> = {};
  // First pass: each record on its own.
  for (const [name, schema] of Object.entries(RECORD_LISTS)) {
    const kept: Kept[] = [];
    const seen = new Map<string, number>();
    const records = input[name] as unknown[];
    for (let index = 0; index < records.length; index++) {
      const record = records[index];
      // A pause every 250 records keeps each task short even for a dataset 100 times this size.
      if (index > 0 && index % 250 === 0) yield;
      const path = `${name}[${index}]`;
      const result = v.safeParse(schema as v.GenericSchema, record);
      const problems = result.success ? [] : issuesToProblems(path, result.issues);
      const key = isPlainObject(record) ? (name === 'countries' ? record.code : record.id) : undefined;
      if (typeof key === 'string') {
        const first = seen.get(key);
        if (first !== undefined) {
          problems.push({
            path: `${path}.${name === 'countries' ? 'code' : 'id'}`,
            message: `${JSON.stringify(key)} is already used by ${name}[${first}]`,
          });
        } else seen.set(key, index);
      }
      if (problems.length) skipped.push({ path, problems });
      else kept.push({ record: result.output as Record<string, unknown>, index });
    }
    lists[name] = kept;
    yield;
  }

  // Second pass: references between records.
  const idsOf = (name: string) => new Set(lists[name]!.map((k) => k.record.id as string));
  const sourceIds = idsOf('sources');
  const bureauIds = idsOf('bureaus');
  const totalIds = new Set(meta.output.reportedTotals.map((t) => t.id));
  const checkSources = (path: string, ids: string[] | undefined, problems: Problem[]) =>
    ids?.forEach((id, i) => {
      if (!sourceIds.has(id)) {
        problems.push({ path: `${path}[${i}]`, message: `${JSON.stringify(id)} is not a source id in this dataset` });
      }
    });
  const filterList = <T>(name: string, check: (r: T, path: string, p: Problem[]) => void) => {
    lists[name] = lists[name]!.filter(({ record, index }) => {
      const path = `${name}[${index}]`;
      const problems: Problem[] = [];
      check(record as T, path, problems);
      if (problems.length) skipped.push({ path, problems });
      return problems.length === 0;
    });
  };
  filterList<Dataset['stations'][number]>('stations', (s, path, p) => {
    checkSources(`${path}.sources`, s.sources, p);
    if (s.bureau !== 'unknown' && !bureauIds.has(s.bureau)) {
      p.push({ path: `${path}.bureau`, message: `${JSON.stringify(s.bureau)} is not a bureau id in this dataset (or "unknown")` });
    }
    s.listedIn.forEach((id, i) => {
      if (!totalIds.has(id)) p.push({ path: `${path}.listedIn[${i}]`, message: `${JSON.stringify(id)} is not an id in meta.reportedTotals` });
    });
  });
  const stationIds = idsOf('stations');
  filterList<Dataset['countries'][number]>('countries', (c, path, p) => {
    checkSources(`${path}.sources`, c.sources, p);
    c.responses.forEach((r, i) => checkSources(`${path}.responses[${i}].sources`, r.sources, p));
  });
  filterList<Dataset['events'][number]>('events', (e, path, p) => {
    checkSources(`${path}.sources`, e.sources, p);
    if (e.station !== undefined && !stationIds.has(e.station)) {
      p.push({ path: `${path}.station`, message: `${JSON.stringify(e.station)} is not a station id in this dataset` });
    }
  });

  skipped.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  const records = (name: string) => lists[name]!.map((k) => k.record) as never;
  return {
    dataset: {
      schemaVersion: SCHEMA_VERSION,
      meta: meta.output,
      sources: records('sources'),
      bureaus: records('bureaus'),
      stations: records('stations'),
      countries: records('countries'),
      events: records('events'),
    },
    skipped,
  };
}
