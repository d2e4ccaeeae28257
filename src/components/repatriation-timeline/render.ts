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
 *
 * Across the page or down it is one object (axes.ts): the drawing asks it where things go.
 */
import { scaleLinear } from 'd3-scale';
import { utcYear } from 'd3-time';
import type { OpsEvent } from '../../data/schema.js';
import { eventInterval, officialShape, type TimelineSeries } from '../../data/selectors.js';
import { formatNumber, intl, type UiLang } from '../../shared/intl.js';
import { TIMELINE_STRINGS } from './strings.js';
import { localized } from '../../shared/locales.js';
import { C, casesWidth, CTX_LANE, HORIZONTAL, M, NS, node, round, textWidth, VERTICAL, type Frame, type Measure, type Orientation } from './axes.js';
import { placeLabels } from './labels.js';
import { extentOf, layout, type Item } from './lanes.js';

export type { Orientation } from './axes.js';

const DAY = 864e5;

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
  /** Text widths in the font the drawing is shown in (default: an estimate). */
  measure?: Measure;
}

/** Below this width the timeline runs down the page. */
export const VERTICAL_BELOW = 600;

export function renderTimeline(series: TimelineSeries, options: TimelineOptions): SVGSVGElement {
  const steps = timelineSteps(series, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * renderTimeline() in two steps, for a caller that runs them in two tasks (the element's first
 * drawing): the first places the marks in lanes (no DOM), the second draws them.
 */
export function* timelineSteps(series: TimelineSeries, options: TimelineOptions): Generator<void, SVGSVGElement, void> {
  const t = localized(options.lang, 'timeline', TIMELINE_STRINGS);
  const lang = options.lang;
  const width = Math.max(240, Math.floor(options.width));
  const o = (options.orientation ?? (width < VERTICAL_BELOW ? 'vertical' : 'horizontal')) === 'vertical' ? VERTICAL : HORIZONTAL;
  const showContext = options.context !== false;
  const context = showContext ? series.context : [];
  const num = (n: number) => formatNumber(n, lang);
  const shortDate = intl(Intl.DateTimeFormat, lang, { timeZone: 'UTC', year: 'numeric', month: 'short' });

  // Intervals in milliseconds, computed once per event for this drawing (layout asks many times).
  const intervals = new Map<OpsEvent, { start: number; end: number }>();
  const span = (e: OpsEvent) => {
    let s = intervals.get(e);
    if (!s) {
      const { start, end } = eventInterval(e);
      intervals.set(e, (s = { start: start.getTime(), end: end.getTime() }));
    }
    return s;
  };

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
  const { start: first, end: last } = extentOf(all, span);
  const now = Date.UTC(new Date().getUTCFullYear(), 0, 1);
  const minT = options.from ?? utcYear.floor(new Date(all.length ? first : now));
  const maxT = options.to ?? utcYear.ceil(new Date(all.length ? last : now + 1));
  const years = Math.max(1, (maxT.getTime() - minT.getTime()) / (365.25 * DAY));

  const mainStart = o.mainStart;
  const ppy = o.perYear(width, years);
  const mainEnd = o.mainEnd(width, mainStart, ppy, years);
  // A linear scale over UTC milliseconds (scaleUtc would bring d3-time-format, whose tick labels we do not use).
  const linear = scaleLinear().domain([minT.getTime(), maxT.getTime()]).range([mainStart, mainEnd]);
  const time = (d: Date) => linear(d.getTime());
  const pos = (ms: number) => linear(ms);
  const measure = options.measure ?? textWidth;
  const f: Frame = { width, showContext, mainStart, mainEnd, ppy, pos, measure };

  // Grouped as the full figures are ("7,089", where Chinese compact notation would print "7089").
  const compact = intl(Intl.NumberFormat, lang, { notation: 'compact', useGrouping: 'always' });
  const count = (n: number) => (o.compact ? compact.format(n) : num(n));
  const caseLabel = (g: OpsEvent[]) =>
    g.length > 1 ? (o.compact ? `×${num(g.length)}` : t.cases(g.length)) : g[0]!.people !== undefined ? count(g[0]!.people) : '';
  const otherLabel = (g: OpsEvent[]) => {
    if (g.length > 1) return t.events(g.length);
    const e = g[0]!;
    const n = e.people !== undefined ? count(e.people) : '';
    return officialShape(e) === 'as-of' ? `${n} · ${t.asOf(shortDate.format(eventInterval(e).start))}` : n;
  };

  const offWidth = o.officialWidth(width);
  const maxCaseLanes = o.caseLanes(f, offWidth);

  // Marks are at least about 10 px long along time, so a lane holds at most length / 10 of them.
  const perLane = Math.ceil((mainEnd - mainStart) / 10) + 1;
  const cases = layout(span, series.cases, caseLabel, o.extent(f, M), maxCaseLanes, maxCaseLanes * perLane);
  const other = layout(span, others, otherLabel, o.extent(f, M), o.otherLanes, 3 * perLane);
  // Context marks are packed without their labels (they are the quiet track); a group then says how many
  // events it holds ("×6", never a sum of anything) where that fits before the next mark in its lane.
  const ctx = layout(span, context, () => '', o.ctxExtent(f), o.ctxLanes, 6 * perLane);
  if (o === HORIZONTAL) {
    const extent = o.extent(f, C);
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
        if ((next && extent(it)[1] > extent({ ...next, label: '' })[0]) || extent(it)[0] < pos(it.start) - C) it.label = '';
      });
    }
  }

  yield;

  // Text sizes are set here too, so the drawing measures the same with or without the element's styles.
  const svg = node('svg', {
    xmlns: NS,
    class: `timeline ${o.name}`,
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
    let anchor: [number, number];
    if (it.point) {
      anchor = o.xy(a, c);
      node('circle', { cx: anchor[0], cy: anchor[1], r: size / 2 }, g);
      labelAt = a + size / 2;
    } else {
      const len = Math.max(b - a, 3);
      node('rect', { ...o.box(a, len, c, size), rx: Math.min(3, len / 2) }, g);
      anchor = o.spanAnchor(a, len, c);
      labelAt = a + len;
    }
    g.setAttribute('data-x', String(round(anchor[0])));
    g.setAttribute('data-y', String(round(anchor[1])));
    if (it.label) {
      if (cls === 'ctx') g.setAttribute('font-size', '10');
      o.label(f, g, it, a, labelAt, c, size);
    }
    return g;
  };

  let height: number;
  const trackTitle = (text: string, at: number) => {
    node('text', { x: 4, y: at, class: 'track-title', 'font-size': 12, 'font-weight': 600 }, svg, text);
  };

  // --- Official figures ---
  const values = bars.map((e) => e.people!);
  const valueMax = values.length ? Math.max(...values) : 0;
  const hasOfficial = series.official.length > 0;
  const barSpace = o.barSpace(offWidth);
  const value = scaleLinear().domain([0, valueMax || 1]).nice(3).range([0, barSpace]);
  let cross = 0;

  const officialG = node('g', { class: 'track official' }, layer);
  const casesG = node('g', { class: 'track cases' }, layer);
  const ctxG = node('g', { class: 'track context' }, layer);

  const drawBars = (base: number) => {
    // base: cross position of the value axis origin (across the page: the bars' bottom; down it: their left edge).
    if (bars.length) for (const tick of value.ticks(o.valueTicks)) o.valueTick(f, officialG, base, value(tick), num(tick));
    const covered = new Set<number>();
    for (const e of bars) {
      const { start, end } = eventInterval(e);
      const a = time(start) + 1.5;
      const b = time(end) - 1.5;
      const partial = officialShape(e) === 'partial';
      for (let y = start.getUTCFullYear(); y < end.getUTCFullYear() + (end.getUTCMonth() || end.getUTCDate() > 1 ? 1 : 0); y++) covered.add(y);
      const g = node('g', { class: `mark bar${partial ? ' partial' : ''}`, 'data-ids': e.id, 'data-kind': e.kind }, officialG);
      const [x, y] = o.bar(g, base, a, b, value(e.people!), num(e.people!) + (partial ? '*' : ''));
      g.setAttribute('data-x', String(round(x)));
      g.setAttribute('data-y', String(round(y)));
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
        o.gapLabel(node('g', { class: 'gap', 'data-year': y }, officialG), base, a, b, t.noFigure);
      }
    }
  };

  if (o === HORIZONTAL) {
    // Official band on top, then cases, then context, then the time axis.
    cross = 14;
    if (hasOfficial) {
      trackTitle(`${t.officialTrack}: ${t.officialScale}`, cross);
      cross += 8;
      for (const it of other.items) mark(officialG, it, 'official other', M, cross + it.lane * o.caseLane + o.caseLane / 2);
      cross += other.lanes * o.caseLane + (bars.length ? 18 : 0);
      if (bars.length) {
        drawBars(cross + barSpace);
        cross += barSpace;
      }
      cross += 26;
    }
    trackTitle(t.casesTrack, cross);
    cross += 6;
    for (const it of cases.items) mark(casesG, it, 'case', M, cross + it.lane * o.caseLane + o.caseLane / 2);
    cross += Math.max(1, cases.lanes) * o.caseLane + 20;
    if (showContext) {
      trackTitle(t.contextTrack, cross);
      cross += 6;
      for (const it of ctx.items) mark(ctxG, it, 'ctx', C, cross + it.lane * CTX_LANE + CTX_LANE / 2);
      cross += Math.max(1, ctx.lanes) * CTX_LANE + 8;
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
    for (const it of cases.items) mark(casesG, it, 'case', M, x + it.lane * o.caseLane + M / 2);
    x += casesWidth(f, offWidth);
    if (showContext) for (const it of ctx.items) mark(ctxG, it, 'ctx', C, x + it.lane * CTX_LANE + C / 2);
    height = mainEnd + 8;
  }

  // Time axis: a line per year, labels spaced so they never collide.
  const everyYears = [1, 2, 5, 10].find((k) => k * o.yearPx(f, years) >= o.minYearGap) ?? 10;
  const axis = node('g', { class: 'axis' }, svg);
  for (const y of utcYear.range(utcYear.ceil(minT), new Date(maxT.getTime() + 1))) {
    const p = time(y);
    o.yearLine(f, grid, p, height);
    const year = y.getUTCFullYear();
    if (year % everyYears !== 0) continue;
    o.yearLabel(f, axis, p, time(utcYear.offset(y, 1)), year, everyYears, height);
  }

  placeLabels(svg, { width, height: Math.ceil(height), measure });
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(Math.ceil(height)));
  svg.setAttribute('viewBox', `0 0 ${width} ${Math.ceil(height)}`);
  return svg;
}
