/**
 * How well each record is sourced: which sources were read at their publisher, as
 * a wire or syndicated copy on a licensed outlet, as an official record, or only as
 * a copy on a site with no claim to the text (content farm, aggregator, forum,
 * mirror). Copies are what a newsroom cannot vouch for: `data:check` lists the
 * records that rest only on them and fails on such a record unless an editor has
 * said why (an `editorNote` on one of its sources: what was searched, why the copy stands).
 */
import { SOURCE_ACCESS, SOURCE_KINDS, type Dataset, type Source } from '../src/data/schema.js';

/** Copies on sites with no claim to the text. A wire or syndicated copy is a source a newsroom can cite. */
export const WEAK_ACCESS: readonly string[] = ['copy'];
/** Not read at the credited publisher's own site: counted for follow-up, not failed. */
const SECONDHAND_ACCESS: readonly string[] = ['syndicated', 'copy'];

export interface SourcedRecord {
  /** Dataset path of the record, e.g. `events[12]` or `countries[3].responses[1]`. */
  path: string;
  /** How an editor names it: a station or event id, `GR` for a country row, `GR 2022-12-25 investigation` for a response. */
  label: string;
  sources: string[];
}

/** Every record that cites sources, with the ids it cites. */
export function sourcedRecords(d: Dataset): SourcedRecord[] {
  const out: SourcedRecord[] = [];
  d.stations.forEach((s, i) => out.push({ path: `stations[${i}]`, label: s.id, sources: s.sources }));
  d.events.forEach((e, i) => out.push({ path: `events[${i}]`, label: e.id, sources: e.sources }));
  d.countries.forEach((c, i) => {
    if (c.sources?.length) out.push({ path: `countries[${i}]`, label: `${c.code} (country row)`, sources: c.sources });
    c.responses.forEach((r, j) =>
      out.push({ path: `countries[${i}].responses[${j}]`, label: `${c.code} ${r.date} ${r.kind}${r.by === 'china' ? ' (Chinese side)' : ''}`, sources: r.sources }),
    );
  });
  return out;
}

export interface AccessReport {
  /** Sources with no `access` (every source must say how it was read). */
  unclassified: Source[];
  weakSources: Source[];
  /** Records whose every source is a copy on a content farm, aggregator, forum or mirror. */
  weakOnly: SourcedRecord[];
  /** Records whose every source is a wire, syndicated or other copy (none read at its publisher or as an official record). */
  secondhandOnly: SourcedRecord[];
  /** Weak-only records none of whose sources carries an editorNote: these fail the check. */
  unexplained: SourcedRecord[];
  lines: string[];
}

export function accessReport(d: Dataset): AccessReport {
  const byId = new Map(d.sources.map((s) => [s.id, s]));
  const unclassified = d.sources.filter((s) => !s.access);
  const weakSources = d.sources.filter((s) => s.access && WEAK_ACCESS.includes(s.access));
  const isWeak = (id: string) => WEAK_ACCESS.includes(byId.get(id)?.access ?? '');
  const records = sourcedRecords(d);
  const weakOnly = records.filter((r) => r.sources.length > 0 && r.sources.every(isWeak));
  const secondhandOnly = records.filter((r) => r.sources.length > 0 && r.sources.every((id) => SECONDHAND_ACCESS.includes(byId.get(id)?.access ?? '')));
  const unexplained = weakOnly.filter((r) => !r.sources.some((id) => byId.get(id)?.editorNote?.trim()));

  const count = (kind: string | undefined, access: string | undefined) =>
    d.sources.filter((s) => (kind === undefined || s.kind === kind) && (access === undefined || (s.access ?? '(none)') === access)).length;
  const accesses = [...SOURCE_ACCESS, ...(unclassified.length ? ['(none)'] : [])];
  const kinds = SOURCE_KINDS.filter((k) => count(k, undefined) > 0);
  const width = Math.max(...kinds.map((k) => k.length), 'all'.length);
  const cell = (n: number, a: string) => String(n).padStart(Math.max(a.length, 4));
  const lines = [
    `sources by kind and access (${d.sources.length}):`,
    `  ${''.padEnd(width)}  ${accesses.map((a) => a.padStart(Math.max(a.length, 4))).join('  ')}   all`,
    ...[...kinds, 'all'].map((k) => {
      const kind = k === 'all' ? undefined : k;
      return `  ${k.padEnd(width)}  ${accesses.map((a) => cell(count(kind, a), a)).join('  ')}  ${String(count(kind, undefined)).padStart(4)}`;
    }),
    `weak sources (copies on content farms, aggregators, forums or mirrors): ${weakSources.length}; ` +
      `not read at their publisher (syndicated or copy): ${count(undefined, 'syndicated') + count(undefined, 'copy')}`,
    `records resting only on second-hand sources (syndicated or copy): ${secondhandOnly.length} of ${records.length}`,
    `records resting only on weak sources (copies): ${weakOnly.length} of ${records.length}`,
    ...weakOnly.map((r) => `  ${r.label.padEnd(34)} ${r.sources.join(';')}${unexplained.includes(r) ? '' : ' (editor note)'}`),
  ];
  return { unclassified, weakSources, weakOnly, secondhandOnly, unexplained, lines };
}
