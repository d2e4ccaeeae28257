/**
 * The drawing: a pure function from a timeline series to an SVG element. No
 * state, no events: the element adds those. Snapshot-tested.
 *
 * Three tracks share one time scale: official Chinese figures (bars on their
 * own per-year scale, other official figures as labelled ranges), individual
 * cases (marks of one size with the number of people printed beside them) and
 * quieter context events. Dates are drawn at the precision the sources give:
 * an exact day is a dot, a month, a year or a period is a span. Marks that
 * would overlap beyond a few lanes are grouped by day, month or year; a group
 * is labelled with how many events it holds, never with a sum.
 */
import { scaleLinear } from 'd3-scale';
import { utcYear } from 'd3-time';
import type { OpsEvent } from '../../data/schema.js';
import { datePrecision, eventInterval, officialShape, type TimelineSeries } from '../../data/selectors.js';
import { formatNumber, intl, type UiLang } from '../../shared/i18n.js';
import { timelineStrings } from './strings.js';

export type Orientation = 'horizontal' | 'vertical';

export interface TimelineOptions {
  /** Width in CSS pixels. */
  width: number;
  lang: UiLang;
  /** Default: vertical below 600 px. */
  orientation?: Orientation;
  /** Draw the context track (default true). */
  context?: boolean;
  /** Time domain; default: whole years around the events. */
  from?: Date;
  to?: Date;
}

/** Below this width the timeline runs down the page. */
export const VERTICAL_BELOW = 600;

const NS = 'http://www.w3.org/2000/svg';
const DAY = 864e5;

type Attrs = Record<string, string | number | undefined>;

function node<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs, parent?: Element, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, typeof v === 'number' ? String(round(v)) : v);
  if (text !== undefined) el.textContent = text;
  parent?.appendChild(el);
  return el;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A rough text width, enough to keep labels apart (11 px sans-serif; CJK glyphs are square). */
function textWidth(text: string, size = 11): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? size : size * 0.58;
  return w;
}

interface Item {
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

/** Intervals in milliseconds, computed once per event per drawing (layout asks many times); emptied after each drawing. */
const intervals = new Map<OpsEvent, { start: number; end: number }>();
function span(e: OpsEvent): { start: number; end: number } {
  let s = intervals.get(e);
  if (!s) {
    const { start, end } = eventInterval(e);
    intervals.set(e, (s = { start: start.getTime(), end: end.getTime() }));
  }
  return s;
}

function itemsAt(events: OpsEvent[], level: number | null, label: (e: OpsEvent[]) => string): Item[] {
  const bins = new Map<string | number, OpsEvent[]>();
  events.forEach((e, i) => {
    // Partial dates group by their own text: "2022-10" with "2022-10-26" at the month level, never a made-up day.
    const key = level ? e.date.slice(0, level) : i;
    const bin = bins.get(key);
    if (bin) bin.push(e);
    else bins.set(key, [e]);
  });
  return [...bins.values()].map((group) => {
    let start = Infinity;
    let end = -Infinity;
    for (const e of group) {
      const s = span(e);
      if (s.start < start) start = s.start;
      if (s.end > end) end = s.end;
    }
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
function layout(
  events: OpsEvent[],
  label: (e: OpsEvent[]) => string,
  extent: (it: Item) => [number, number],
  maxLanes: number,
  /** How many marks could fit at most; levels that would give more are not tried. */
  capacity = Infinity,
): { items: Item[]; lanes: number } {
  for (let i = 0; i < LEVELS.length; i++) {
    if (i === 0 && events.length > capacity) continue;
    const items = itemsAt(events, LEVELS[i]!, label);
    if (items.length > capacity && i < LEVELS.length - 1) continue;
    const lanes = pack(items, extent, maxLanes, i === LEVELS.length - 1);
    if (lanes !== Infinity) return { items, lanes };
  }
  return { items: [], lanes: 0 };
}

export function renderTimeline(series: TimelineSeries, options: TimelineOptions): SVGSVGElement {
  const t = timelineStrings(options.lang);
  const lang = options.lang;
  const width = Math.max(240, Math.floor(options.width));
  const vertical = (options.orientation ?? (width < VERTICAL_BELOW ? 'vertical' : 'horizontal')) === 'vertical';
  const showContext = options.context !== false;
  const context = showContext ? series.context : [];
  const num = (n: number) => formatNumber(n, lang);
  const shortDate = intl(Intl.DateTimeFormat, lang, { timeZone: 'UTC', year: 'numeric', month: 'short' });

  // One bar per period; a second figure for the same period (sources disagree) is drawn as a labelled range.
  const barStarts = new Set<string>();
  const bars = series.official.filter((e) => {
    if (e.people === undefined || !['annual', 'partial'].includes(officialShape(e))) return false;
    const key = e.date.slice(0, 4);
    if (barStarts.has(key)) return false;
    barStarts.add(key);
    return true;
  });
  const others = series.official.filter((e) => !bars.includes(e));
  const all = [...series.cases, ...series.official, ...context];

  // Time domain: whole years around what is shown.
  let first = Infinity;
  let last = -Infinity;
  for (const e of all) {
    const s = span(e);
    if (s.start < first) first = s.start;
    if (s.end > last) last = s.end;
  }
  const now = Date.UTC(new Date().getUTCFullYear(), 0, 1);
  const minT = options.from ?? utcYear.floor(new Date(all.length ? first : now));
  const maxT = options.to ?? utcYear.ceil(new Date(all.length ? last : now + 1));
  const years = Math.max(1, (maxT.getTime() - minT.getTime()) / (365.25 * DAY));

  // Geometry. "main" runs along time (x when horizontal, y when vertical); "cross" across the tracks.
  const M = 10; // case mark size
  const C = 8; // context mark size
  const caseLane = vertical ? 36 : 20;
  const ctxLane = vertical ? 12 : 12;
  const mainStart = vertical ? 44 : 48;
  const ppy = vertical ? 104 : (width - mainStart - 16) / years;
  const mainEnd = vertical ? mainStart + ppy * years : width - 16;
  // A linear scale over UTC milliseconds (scaleUtc would bring d3-time-format, whose tick labels we do not use).
  const linear = scaleLinear().domain([minT.getTime(), maxT.getTime()]).range([mainStart, mainEnd]);
  const time = (d: Date) => linear(d.getTime());
  const pos = (ms: number) => linear(ms);

  // Narrow columns print compact numbers ("230K", "23万"); the tooltip and the table give them in full.
  const compact = intl(Intl.NumberFormat, lang, { notation: 'compact' });
  const caseLabel = (g: OpsEvent[]) =>
    g.length > 1 ? (vertical ? `×${num(g.length)}` : t.cases(g.length)) : g[0]!.people !== undefined ? (vertical ? compact.format(g[0]!.people) : num(g[0]!.people)) : '';
  const otherLabel = (g: OpsEvent[]) => {
    if (g.length > 1) return t.events(g.length);
    const e = g[0]!;
    const n = e.people !== undefined ? (vertical ? compact.format(e.people) : num(e.people)) : '';
    return officialShape(e) === 'as-of' ? `${n} · ${t.asOf(shortDate.format(eventInterval(e).start))}` : n;
  };
  const hExtent = (size: number) => (it: Item): [number, number] => {
    const a = pos(it.start) - (it.point ? size / 2 : 0);
    const b = Math.max(pos(it.end), a + size);
    const label = it.label ? 4 + textWidth(it.label) : 0;
    // Labels that would run off the right edge are drawn before the mark (see mark()).
    return b + label > width ? [a - label - 6, b + 6] : [a, b + label + 6];
  };
  const vExtent = (it: Item): [number, number] => {
    const a = pos(it.start) - 8;
    return [a, Math.max(pos(it.end), a + 18) + 2];
  };
  // Unlabelled context marks need room for the mark only.
  const vExtentCtx = (it: Item): [number, number] => {
    const a = pos(it.start) - C / 2;
    return [a, Math.max(pos(it.end), a + C) + 1];
  };

  // Cross-axis layout.
  const axisCross = vertical ? 0 : 0;
  const offWidth = vertical ? Math.min(150, Math.max(84, Math.round(width * 0.25))) : 0;
  const ctxWidth = vertical && showContext ? ctxLane * 3 : 0;
  const casesWidth = vertical ? width - mainStart - offWidth - ctxWidth - 8 - axisCross : 0;
  const maxCaseLanes = vertical ? Math.max(1, Math.floor(casesWidth / caseLane)) : 9;

  // Marks are at least about 10 px long along time, so a lane holds at most length / 10 of them.
  const perLane = Math.ceil((mainEnd - mainStart) / 10) + 1;
  const cases = layout(series.cases, caseLabel, vertical ? vExtent : hExtent(M), maxCaseLanes, maxCaseLanes * perLane);
  const other = layout(others, otherLabel, vertical ? vExtent : hExtent(M), vertical ? 1 : 3, 3 * perLane);
  // Context marks are packed without their labels (they are the quiet track); a group then says how many
  // events it holds ("×6", never a sum of anything) where that fits before the next mark in its lane.
  const ctx = layout(context, () => '', vertical ? vExtentCtx : (it) => { const [a, b] = hExtent(C)(it); return [a, b - 4]; }, vertical ? 3 : 6, 6 * perLane);
  if (!vertical) {
    const byLane = new Map<number, Item[]>();
    for (const it of ctx.items) {
      const lane = byLane.get(it.lane);
      if (lane) lane.push(it);
      else byLane.set(it.lane, [it]);
    }
    for (const lane of byLane.values()) {
      lane.sort((a, b) => a.start - b.start);
      lane.forEach((it, i) => {
        if (it.events.length < 2) return;
        it.label = `×${num(it.events.length)}`;
        const next = lane[i + 1];
        if ((next && hExtent(C)(it)[1] > hExtent(C)({ ...next, label: '' })[0]) || hExtent(C)(it)[0] < pos(it.start) - C) it.label = '';
      });
    }
  }

  // Text sizes are set here too, so the drawing measures the same with or without the element's styles.
  const svg = node('svg', {
    xmlns: NS,
    class: `timeline ${vertical ? 'vertical' : 'horizontal'}`,
    'aria-hidden': 'true',
    focusable: 'false',
    'font-family': 'system-ui, sans-serif',
    'font-size': 11,
  });
  const defs = node('defs', {}, svg);
  const hatch = node('pattern', { id: 'ops-tl-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, defs);
  node('rect', { width: 6, height: 6, class: 'hatch-bg' }, hatch);
  node('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line' }, hatch);

  const grid = node('g', { class: 'grid' }, svg);
  const layer = node('g', { class: 'marks' }, svg);

  /** Draws one mark (dot or span) at main [a, b], cross centre c; returns its group. */
  const mark = (parent: Element, it: Item, cls: string, size: number, c: number) => {
    const ids = it.events.map((e) => e.id).join(' ');
    const a = pos(it.start);
    const b = pos(it.end);
    const g = node('g', {
      class: `mark ${cls}${it.events.length > 1 ? ' group' : ''}`,
      'data-ids': ids,
      'data-kind': it.events.length === 1 ? it.events[0]!.kind : 'group',
    }, parent);
    let labelAt: number;
    if (it.point) {
      const [x, y] = vertical ? [c, a] : [a, c];
      node('circle', { cx: x, cy: y, r: size / 2 }, g);
      g.setAttribute('data-x', String(round(x)));
      g.setAttribute('data-y', String(round(y)));
      labelAt = a + size / 2;
    } else {
      const len = Math.max(b - a, 3);
      const rect = vertical
        ? { x: c - size / 2, y: a, width: size, height: len }
        : { x: a, y: c - size / 2, width: len, height: size };
      node('rect', { ...rect, rx: Math.min(3, len / 2) }, g);
      g.setAttribute('data-x', String(round(vertical ? c : a + len / 2)));
      g.setAttribute('data-y', String(round(vertical ? a + Math.min(len, 20) / 2 : c)));
      labelAt = a + len;
    }
    if (it.label) {
      if (cls === 'ctx') g.setAttribute('font-size', '10');
      if (vertical) {
        const parts = it.label.split(' · ');
        const text = node('text', { x: c + size / 2 + 4, y: a + 4, class: 'label' }, g);
        parts.forEach((p, i) => node('tspan', { x: c + size / 2 + 4, dy: i ? '1.1em' : '0.35em', class: i ? 'sub' : undefined }, text, p));
      } else if (labelAt + 4 + textWidth(it.label) > width) {
        // No room on the right edge: the label goes before the mark.
        node('text', { x: a - (it.point ? size / 2 : 0) - 4, y: c, dy: '0.35em', class: 'label', 'text-anchor': 'end' }, g, it.label);
      } else {
        node('text', { x: labelAt + 4, y: c, dy: '0.35em', class: 'label' }, g, it.label);
      }
    }
    return g;
  };

  let height: number;
  const trackTitle = (text: string, at: number) => {
    if (!vertical) node('text', { x: 4, y: at, class: 'track-title', 'font-size': 12, 'font-weight': 600 }, svg, text);
  };

  // --- Official figures ---
  const values = bars.map((e) => e.people!);
  const valueMax = values.length ? Math.max(...values) : 0;
  const hasOfficial = series.official.length > 0;
  const barSpace = vertical ? offWidth - 48 : 76;
  const value = scaleLinear().domain([0, valueMax || 1]).nice(3).range([0, barSpace]);
  let cross = 0;

  const officialG = node('g', { class: 'track official' }, layer);
  const casesG = node('g', { class: 'track cases' }, layer);
  const ctxG = node('g', { class: 'track context' }, layer);

  const drawBars = (base: number) => {
    // base: cross position of the value axis origin (horizontal: the bars' bottom; vertical: their left edge).
    if (bars.length) {
      for (const tick of value.ticks(vertical ? 1 : 3)) {
        const v = value(tick);
        if (vertical) {
          node('line', { x1: base + v, x2: base + v, y1: mainStart - 6, y2: mainEnd, class: 'value-grid' }, officialG);
          node('text', { x: base + v, y: mainStart - 6, class: 'value-tick', 'font-size': 10, 'text-anchor': 'middle' }, officialG, num(tick));
        } else {
          node('line', { x1: mainStart, x2: mainEnd, y1: base - v, y2: base - v, class: 'value-grid' }, officialG);
          node('text', { x: mainStart - 4, y: base - v, dy: '0.35em', class: 'value-tick', 'font-size': 10, 'text-anchor': 'end' }, officialG, num(tick));
        }
      }
    }
    const covered = new Set<number>();
    for (const e of bars) {
      const { start, end } = eventInterval(e);
      const a = time(start) + 1.5;
      const b = time(end) - 1.5;
      const v = value(e.people!);
      const partial = officialShape(e) === 'partial';
      for (let y = start.getUTCFullYear(); y < end.getUTCFullYear() + (end.getUTCMonth() || end.getUTCDate() > 1 ? 1 : 0); y++) covered.add(y);
      const g = node('g', { class: `mark bar${partial ? ' partial' : ''}`, 'data-ids': e.id, 'data-kind': e.kind }, officialG);
      if (vertical) {
        node('rect', { x: base, y: a, width: Math.max(v, 1), height: b - a }, g);
        node('text', { x: base + v + 4, y: (a + b) / 2, dy: '0.35em', class: 'label' }, g, num(e.people!) + (partial ? '*' : ''));
        g.setAttribute('data-x', String(round(base + v / 2)));
        g.setAttribute('data-y', String(round((a + b) / 2)));
      } else {
        node('rect', { x: a, y: base - v, width: b - a, height: Math.max(v, 1) }, g);
        node('text', { x: (a + b) / 2, y: base - v - 4, class: 'label', 'text-anchor': 'middle' }, g, num(e.people!) + (partial ? '*' : ''));
        g.setAttribute('data-x', String(round((a + b) / 2)));
        g.setAttribute('data-y', String(round(base - v / 2)));
      }
    }
    // A year inside the run of official figures without one is a gap, not a zero.
    const worldwide = series.official.filter((e) => officialShape(e) !== 'local');
    if (covered.size && worldwide.length) {
      const first = Math.min(...covered);
      const last = Math.max(...worldwide.map((e) => eventInterval(e).end.getUTCFullYear() - (eventInterval(e).end.getUTCMonth() === 0 && eventInterval(e).end.getUTCDate() === 1 ? 1 : 0)));
      for (let y = first; y <= last; y++) {
        if (covered.has(y)) continue;
        const a = time(new Date(Date.UTC(y, 0, 1)));
        const b = time(new Date(Date.UTC(y + 1, 0, 1)));
        if (b <= mainStart || a >= mainEnd) continue;
        const g = node('g', { class: 'gap', 'data-year': y }, officialG);
        if (vertical) node('text', { x: base + 4, y: (a + b) / 2, dy: '0.35em', class: 'gap-label', 'font-size': 10 }, g, t.noFigure);
        else node('text', { x: (a + b) / 2, y: base - 6, class: 'gap-label', 'font-size': 10, 'text-anchor': 'middle' }, g, t.noFigure);
      }
    }
  };

  if (!vertical) {
    // Official band on top, then cases, then context, then the time axis.
    cross = 14;
    if (hasOfficial) {
      trackTitle(`${t.officialTrack}: ${t.officialScale}`, cross);
      cross += 8;
      for (const it of other.items) mark(officialG, it, 'official other', M, cross + it.lane * caseLane + caseLane / 2);
      cross += other.lanes * caseLane + (bars.length ? 18 : 0);
      if (bars.length) {
        drawBars(cross + barSpace);
        cross += barSpace;
      }
      cross += 26;
    }
    trackTitle(t.casesTrack, cross);
    cross += 6;
    for (const it of cases.items) mark(casesG, it, 'case', M, cross + it.lane * caseLane + caseLane / 2);
    cross += Math.max(1, cases.lanes) * caseLane + 20;
    if (showContext) {
      trackTitle(t.contextTrack, cross);
      cross += 6;
      for (const it of ctx.items) mark(ctxG, it, 'ctx', C, cross + it.lane * ctxLane + ctxLane / 2);
      cross += Math.max(1, ctx.lanes) * ctxLane + 8;
    }
    height = cross + 22;
  } else {
    // Columns, left to right: years, official figures, cases, context.
    let x = mainStart + 4;
    const head = (text: string, at: number, anchor = 'start') =>
      node('text', { x: at, y: 11, class: 'track-title', 'font-size': 11, 'font-weight': 600, 'text-anchor': anchor }, svg, text);
    if (hasOfficial) head(t.short.official, x);
    head(t.short.cases, x + (hasOfficial ? offWidth : 0));
    if (showContext) head(t.short.context, width - 2, 'end');
    if (hasOfficial) {
      drawBars(x + (other.items.length ? M + 2 : 0));
      // Drawn after the bars, so their labels stay on top.
      for (const it of other.items) mark(officialG, it, 'official other', M, x + M / 2);
      x += offWidth;
    }
    for (const it of cases.items) mark(casesG, it, 'case', M, x + it.lane * caseLane + M / 2);
    x += casesWidth;
    if (showContext) for (const it of ctx.items) mark(ctxG, it, 'ctx', C, x + it.lane * ctxLane + C / 2);
    height = mainEnd + 8;
  }

  // Time axis: a line per year, labels spaced so they never collide.
  const minGap = vertical ? 20 : 40;
  const everyYears = [1, 2, 5, 10].find((k) => k * (vertical ? ppy : (mainEnd - mainStart) / years) >= minGap) ?? 10;
  const axis = node('g', { class: 'axis' }, svg);
  for (const y of utcYear.range(utcYear.ceil(minT), new Date(maxT.getTime() + 1))) {
    const p = time(y);
    if (vertical) node('line', { x1: mainStart, x2: width, y1: p, y2: p, class: 'year-line' }, grid);
    else node('line', { x1: p, x2: p, y1: 0, y2: height - 20, class: 'year-line' }, grid);
    const year = y.getUTCFullYear();
    if (year % everyYears !== 0) continue;
    const next = time(utcYear.offset(y, 1));
    if (vertical) {
      if (p < mainEnd - 4) node('text', { x: 2, y: p + 4, dy: '0.71em', class: 'year' }, axis, String(year));
    } else if (next <= mainEnd + 1) {
      node('text', { x: everyYears === 1 ? (p + next) / 2 : p, y: height - 6, class: 'year', 'text-anchor': everyYears === 1 ? 'middle' : 'start' }, axis, String(year));
    }
  }

  intervals.clear();
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(Math.ceil(height)));
  svg.setAttribute('viewBox', `0 0 ${width} ${Math.ceil(height)}`);
  return svg;
}
