/**
 * Marks in lanes: events grouped as little as possible (single events, then by day, month,
 * year) until they fit in the lanes a track has, each group in the first lane free at its start.
 */
import type { OpsEvent } from '../../data/schema.js';
import { datePrecision } from '../../data/selectors.js';

/** An event's interval in UTC milliseconds (the drawing computes each once and keeps it). */
export type Span = (e: OpsEvent) => { start: number; end: number };

export interface Item {
  events: OpsEvent[];
  start: number;
  end: number;
  /** An exact day (drawn as a dot) rather than a span. */
  point: boolean;
  label: string;
  lane: number;
}

/** Grouping levels, as the length of the date prefix events share: none, the same day, month, year. */
const LEVELS: (number | null)[] = [null, 10, 7, 4];

/** From the earliest start to the latest end of some events (Infinity, -Infinity for none). */
export function extentOf(events: OpsEvent[], span: Span): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const e of events) {
    const s = span(e);
    if (s.start < start) start = s.start;
    if (s.end > end) end = s.end;
  }
  return { start, end };
}

function itemsAt(events: OpsEvent[], level: number | null, label: (e: OpsEvent[]) => string, span: Span): Item[] {
  const bins = new Map<string | number, OpsEvent[]>();
  events.forEach((e, i) => {
    // Partial dates group by their own text: "2022-10" with "2022-10-26" at the month level, never a made-up day.
    const key = level ? e.date.slice(0, level) : i;
    const bin = bins.get(key);
    if (bin) bin.push(e);
    else bins.set(key, [e]);
  });
  return [...bins.values()].map((group) => {
    const { start, end } = extentOf(group, span);
    const point = group.length === 1 && !group[0]!.end && datePrecision(group[0]!.date) === 'day';
    return { events: group, start, end, point, label: label(group), lane: 0 };
  });
}

/** Greedy lanes: each item goes to the first lane free at its start. Returns the number of lanes used. */
function pack(items: Item[], extent: (it: Item) => [number, number], maxLanes: number, force: boolean): number {
  const ends: number[] = [];
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const it of sorted) {
    const [a, b] = extent(it);
    let lane = ends.findIndex((e) => e <= a);
    if (lane === -1) {
      if (ends.length >= maxLanes) {
        if (!force) return Infinity;
        // Fallback at the coarsest grouping: the lane that frees up first.
        lane = ends.indexOf(Math.min(...ends));
      } else lane = ends.length;
    }
    ends[lane] = b;
    it.lane = lane;
  }
  return ends.length;
}

/** Groups as little as possible: single events, then by day, month, year, until the lanes suffice. */
export function layout(
  span: Span,
  events: OpsEvent[],
  label: (e: OpsEvent[]) => string,
  extent: (it: Item) => [number, number],
  maxLanes: number,
  /** How many marks could fit at most; levels that would give more are not tried. */
  capacity = Infinity,
): { items: Item[]; lanes: number } {
  for (let i = 0; i < LEVELS.length; i++) {
    if (i === 0 && events.length > capacity) continue;
    const items = itemsAt(events, LEVELS[i]!, label, span);
    if (items.length > capacity && i < LEVELS.length - 1) continue;
    const lanes = pack(items, extent, maxLanes, i === LEVELS.length - 1);
    if (lanes !== Infinity) return { items, lanes };
  }
  return { items: [], lanes: 0 };
}

