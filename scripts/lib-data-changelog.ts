/**
 * What changed in the facts between two versions of the dataset, as lines for
 * data/CHANGELOG.md ("Added", "Closed", "Corrected", "Removed"), and the
 * changelog file's own format: a section per version, newest first.
 */
import type { Dataset, Station } from '../src/data/schema.js';

/** JSON with object keys sorted: the same facts give the same text whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function stationLabel(s: Station): string {
  return `station ${s.id} (${[s.city, s.country].filter(Boolean).join(', ')})`;
}

function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => !same(a[k], b[k]));
}

function describeField(key: string, a: unknown, b: unknown): string {
  if (Array.isArray(a) || Array.isArray(b)) {
    const before = new Set((a as unknown[] | undefined)?.map(String) ?? []);
    const after = new Set((b as unknown[] | undefined)?.map(String) ?? []);
    const added = [...after].filter((x) => !before.has(x));
    const removed = [...before].filter((x) => !after.has(x));
    const parts = [...added.map((x) => `+${x}`), ...removed.map((x) => `−${x}`)];
    return `${key} ${parts.length ? parts.join(' ') : 'reordered'}`;
  }
  if (typeof a === 'string' && a.length > 40) return `${key} edited`;
  if (typeof b === 'string' && b.length > 40) return `${key} edited`;
  const show = (x: unknown) => (x === undefined ? '(none)' : typeof x === 'object' ? JSON.stringify(x) : String(x));
  return `${key} ${show(a)} → ${show(b)}`;
}

/** The fact changes from `before` to `after`, one line each ("" list when nothing changed). */
export function diffDatasets(before: Dataset, after: Dataset): string[] {
  const lines: string[] = [];
  const keyed = <T extends object>(
    name: string,
    a: T[],
    b: T[],
    key: (r: T) => string,
    label: (r: T) => string,
    verb: (old: T, now: T, fields: string[]) => string = () => 'Corrected',
  ) => {
    const oldBy = new Map(a.map((r) => [key(r), r]));
    const newBy = new Map(b.map((r) => [key(r), r]));
    for (const r of b) {
      const old = oldBy.get(key(r));
      if (!old) lines.push(`Added: ${label(r)}`);
      else if (!same(old, r)) {
        const fields = changedFields(old as Record<string, unknown>, r as Record<string, unknown>);
        const what = fields.map((f) => describeField(f, (old as Record<string, unknown>)[f], (r as Record<string, unknown>)[f]));
        lines.push(`${verb(old, r, fields)}: ${label(r)}: ${what.join('; ')}`);
      }
    }
    for (const r of a) if (!newBy.has(key(r))) lines.push(`Removed: ${label(r)}`);
    void name;
  };

  keyed('stations', before.stations, after.stations, (s) => s.id, stationLabel, (old, now) =>
    old.status !== now.status ? (now.status === 'closed' ? 'Closed' : 'Status changed') : 'Corrected',
  );
  // Countries: notes and sources as fields; responses one by one.
  const oldCountries = new Map(before.countries.map((c) => [c.code, c]));
  for (const c of after.countries) {
    const old = oldCountries.get(c.code);
    if (!old) {
      lines.push(`Added: country ${c.code}${c.responses.length ? ` with ${c.responses.length} response(s)` : ''}`);
      continue;
    }
    const { responses: r1, ...rest1 } = old;
    const { responses: r2, ...rest2 } = c;
    const fields = changedFields(rest1, rest2);
    if (fields.length) lines.push(`Corrected: country ${c.code}: ${fields.map((f) => describeField(f, (rest1 as Record<string, unknown>)[f], (rest2 as Record<string, unknown>)[f])).join('; ')}`);
    const oldKeys = r1.map(canonical);
    const newKeys = r2.map(canonical);
    r2.forEach((r, i) => {
      if (!oldKeys.includes(newKeys[i]!)) lines.push(`Added: country ${c.code} response ${r.date} ${r.kind}${r.by === 'china' ? ' (Chinese side)' : ''}: ${clip(r.summary)}`);
    });
    r1.forEach((r, i) => {
      if (!newKeys.includes(oldKeys[i]!)) lines.push(`Removed: country ${c.code} response ${r.date} ${r.kind}: ${clip(r.summary)}`);
    });
  }
  const newCodes = new Set(after.countries.map((c) => c.code));
  for (const c of before.countries) if (!newCodes.has(c.code)) lines.push(`Removed: country ${c.code}`);

  keyed('events', before.events, after.events, (e) => e.id, (e) => `event ${e.id} (${e.date} ${e.kind})`);
  keyed('sources', before.sources, after.sources, (s) => s.id, (s) => `source ${s.id} (${clip(s.publisher, 40)}, ${s.date})`);
  keyed('bureaus', before.bureaus, after.bureaus, (b) => b.id, (b) => `bureau ${b.id}`);
  keyed('reportedTotals', before.meta.reportedTotals, after.meta.reportedTotals, (t) => t.id, (t) => `reported total ${t.id} (${t.stations} stations, ${t.countries} countries)`);
  return lines;
}

export const CHANGELOG_HEADER = `# Dataset changelog

Changes to the facts in \`overseas-police-stations.json\`: stations, country
responses, events, sources and the reports' totals — added, corrected, closed,
removed. Newest first. \`npm run data:build\` adds the lines for each change it
finds (compared with the JSON file it replaces); editors may reword them and add
why. Each heading is a dataset version (\`meta.version\`, date of \`meta.updated\`).
`;

/**
 * Adds `lines` under the section for `version` (creating it at the top), skipping
 * lines already there. Returns the new text.
 */
export function addToChangelog(text: string, version: string, updated: string, lines: string[]): string {
  const body = text.trim() ? text : CHANGELOG_HEADER;
  const heading = `## ${version}`;
  const parts = body.split(/^(?=## )/m);
  const index = parts.findIndex((p) => p.startsWith(`${heading} `) || p.startsWith(`${heading}\n`));
  if (index === -1) {
    const section = `${heading} (${updated})\n\n${lines.map((l) => `- ${l}`).join('\n')}\n\n`;
    const head = parts[0]!.startsWith('## ') ? '' : parts.shift()!;
    return `${head.trimEnd()}\n\n${section}${parts.join('')}`.replace(/\n+$/, '\n');
  }
  const section = parts[index]!;
  const fresh = lines.filter((l) => !section.includes(`- ${l}\n`));
  if (!fresh.length) return body;
  parts[index] = `${section.trimEnd()}\n${fresh.map((l) => `- ${l}`).join('\n')}\n\n`;
  return parts.join('').replace(/\n+$/, '\n');
}

/** Whether the changelog has a section for `version`. */
export function changelogHasVersion(text: string, version: string): boolean {
  return new RegExp(`^## ${version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`, 'm').test(text);
}
