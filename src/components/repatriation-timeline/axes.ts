/**
 * What differs between a timeline that runs across the page and one that runs down it: one
 * object each, used by one drawing (render.ts).
 */
import type { Item } from './lanes.js';

export type Orientation = 'horizontal' | 'vertical';

export const NS = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string | number | undefined>;

export function node<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs, parent?: Element, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, typeof v === 'number' ? String(round(v)) : v);
  if (text !== undefined) el.textContent = text;
  parent?.appendChild(el);
  return el;
}

export const round = (n: number) => Math.round(n * 100) / 100;

/** Width in CSS pixels of a text at a font size. */
export type Measure = (text: string, size: number) => number;

/** A rough text width, where no font can be measured (sans-serif; CJK glyphs are square). */
export function textWidth(text: string, size = 11): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? size : size * 0.58;
  return w;
}

export const M = 10; // case mark size
export const C = 8; // context mark size
export const CTX_LANE = 12;

/** One drawing's time scale and box, handed to the orientation's methods. */
export interface Frame {
  width: number;
  showContext: boolean;
  mainStart: number;
  mainEnd: number;
  /** Pixels per year along time. */
  ppy: number;
  /** Along-time position of a time in UTC milliseconds. */
  pos(ms: number): number;
  measure: Measure;
}

/**
 * What differs between a timeline that runs across the page and one that runs down it, in one
 * object each (as Observable Plot's TickX and TickY are one mark with its axes swapped). "Main"
 * runs along time (x across the page, y down it), "cross" across the tracks.
 */
export interface Axes {
  name: Orientation;
  mainStart: number;
  caseLane: number;
  /** Narrow columns print compact numbers ("230K", "23万") and "×n" for a group; the tooltip and the table give them in full. */
  compact: boolean;
  /** Most lanes of official figures other than bars, and of context events. */
  otherLanes: number;
  ctxLanes: number;
  valueTicks: number;
  /** Fewest pixels between two year labels. */
  minYearGap: number;
  perYear(width: number, years: number): number;
  mainEnd(width: number, mainStart: number, ppy: number, years: number): number;
  /** Pixels per year for spacing the year labels. */
  yearPx(f: Frame, years: number): number;
  /** Width of the official column (down the page) and the room the bars may take. */
  officialWidth(width: number): number;
  barSpace(officialWidth: number): number;
  /** Most lanes of cases. */
  caseLanes(f: Frame, officialWidth: number): number;
  /** The stretch of main axis a mark takes (with its label, where the label runs along time). */
  extent(f: Frame, size: number): (it: Item) => [number, number];
  ctxExtent(f: Frame): (it: Item) => [number, number];
  /** Screen [x, y] of a main and a cross position. */
  xy(main: number, cross: number): [number, number];
  /** A span's box: main a over len, across centre c, size thick. */
  box(a: number, len: number, c: number, size: number): { x: number; y: number; width: number; height: number };
  /** Where a span's keyboard and tooltip anchor sits. */
  spanAnchor(a: number, len: number, c: number): [number, number];
  label(f: Frame, g: Element, it: Item, a: number, labelAt: number, c: number, size: number): void;
  valueTick(f: Frame, parent: Element, base: number, v: number, text: string): void;
  bar(g: Element, base: number, a: number, b: number, v: number, text: string): [number, number];
  gapLabel(g: Element, base: number, a: number, b: number, text: string): void;
  yearLine(f: Frame, grid: Element, p: number, height: number): void;
  yearLabel(f: Frame, axis: Element, p: number, next: number, year: number, everyYears: number, height: number): void;
}

/** Across the page: official band on top, then cases, then context, then the time axis. */
export const HORIZONTAL: Axes = {
  name: 'horizontal',
  mainStart: 48,
  caseLane: 20,
  compact: false,
  otherLanes: 5,
  ctxLanes: 6,
  valueTicks: 3,
  minYearGap: 40,
  perYear: (width, years) => (width - HORIZONTAL.mainStart - 16) / years,
  mainEnd: (width) => width - 16,
  yearPx: (f, years) => (f.mainEnd - f.mainStart) / years,
  officialWidth: () => 0,
  barSpace: () => 76,
  caseLanes: () => 9,
  extent: (f, size) => (it) => {
    const a = f.pos(it.start) - (it.point ? size / 2 : 0);
    const b = Math.max(f.pos(it.end), a + size);
    const label = it.label ? 4 + f.measure(it.label, 11) : 0;
    // Labels that would run off the right edge are drawn before the mark (see label()).
    return b + label > f.width ? [a - label - 6, b + 6] : [a, b + label + 6];
  },
  ctxExtent: (f) => (it) => {
    const [a, b] = HORIZONTAL.extent(f, C)(it);
    return [a, b - 4];
  },
  xy: (main, cross) => [main, cross],
  box: (a, len, c, size) => ({ x: a, y: c - size / 2, width: len, height: size }),
  spanAnchor: (a, len, c) => [a + len / 2, c],
  label(f, g, it, a, labelAt, c, size) {
    if (labelAt + 4 + f.measure(it.label, 11) > f.width) {
      // No room on the right edge: the label goes before the mark.
      node('text', { x: a - (it.point ? size / 2 : 0) - 4, y: c, dy: '0.35em', class: 'label', 'text-anchor': 'end' }, g, it.label);
    } else {
      node('text', { x: labelAt + 4, y: c, dy: '0.35em', class: 'label' }, g, it.label);
    }
  },
  valueTick(f, parent, base, v, text) {
    node('line', { x1: f.mainStart, x2: f.mainEnd, y1: base - v, y2: base - v, class: 'value-grid' }, parent);
    node('text', { x: f.mainStart - 4, y: base - v, dy: '0.35em', class: 'value-tick', 'font-size': 10, 'text-anchor': 'end' }, parent, text);
  },
  bar(g, base, a, b, v, text) {
    node('rect', { x: a, y: base - v, width: b - a, height: Math.max(v, 1) }, g);
    node('text', { x: (a + b) / 2, y: base - v - 4, class: 'label', 'text-anchor': 'middle' }, g, text);
    return [(a + b) / 2, base - v / 2];
  },
  gapLabel(g, base, a, b, text) {
    node('text', { x: (a + b) / 2, y: base - 6, class: 'gap-label', 'font-size': 10, 'text-anchor': 'middle' }, g, text);
  },
  yearLine(_f, grid, p, height) {
    node('line', { x1: p, x2: p, y1: 0, y2: height - 20, class: 'year-line' }, grid);
  },
  yearLabel(f, axis, p, next, year, everyYears, height) {
    if (next > f.mainEnd + 1) return;
    node('text', { x: everyYears === 1 ? (p + next) / 2 : p, y: height - 6, class: 'year', 'text-anchor': everyYears === 1 ? 'middle' : 'start' }, axis, String(year));
  },
};

/** Down the page, in columns left to right: years, official figures, cases, context. */
export const VERTICAL: Axes = {
  name: 'vertical',
  mainStart: 44,
  caseLane: 36,
  compact: true,
  otherLanes: 1,
  ctxLanes: 3,
  valueTicks: 1,
  minYearGap: 20,
  perYear: () => 104,
  mainEnd: (_width, mainStart, ppy, years) => mainStart + ppy * years,
  yearPx: (f) => f.ppy,
  officialWidth: (width) => Math.min(150, Math.max(84, Math.round(width * 0.25))),
  barSpace: (officialWidth) => officialWidth - 48,
  caseLanes: (f, officialWidth) => Math.max(1, Math.floor(casesWidth(f, officialWidth) / VERTICAL.caseLane)),
  extent: (f) => (it) => {
    const a = f.pos(it.start) - 8;
    return [a, Math.max(f.pos(it.end), a + 18) + 2];
  },
  // Unlabelled context marks need room for the mark only.
  ctxExtent: (f) => (it) => {
    const a = f.pos(it.start) - C / 2;
    return [a, Math.max(f.pos(it.end), a + C) + 1];
  },
  xy: (main, cross) => [cross, main],
  box: (a, len, c, size) => ({ x: c - size / 2, y: a, width: size, height: len }),
  spanAnchor: (a, len, c) => [c, a + Math.min(len, 20) / 2],
  label(_f, g, it, a, _labelAt, c, size) {
    const parts = it.label.split(' · ');
    const text = node('text', { x: c + size / 2 + 4, y: a + 4, class: 'label' }, g);
    parts.forEach((p, i) => node('tspan', { x: c + size / 2 + 4, dy: i ? '1.1em' : '0.35em', class: i ? 'sub' : undefined }, text, p));
  },
  valueTick(f, parent, base, v, text) {
    node('line', { x1: base + v, x2: base + v, y1: f.mainStart - 6, y2: f.mainEnd, class: 'value-grid' }, parent);
    node('text', { x: base + v, y: f.mainStart - 6, class: 'value-tick', 'font-size': 10, 'text-anchor': 'middle' }, parent, text);
  },
  bar(g, base, a, b, v, text) {
    node('rect', { x: base, y: a, width: Math.max(v, 1), height: b - a }, g);
    node('text', { x: base + v + 4, y: (a + b) / 2, dy: '0.35em', class: 'label' }, g, text);
    return [base + v / 2, (a + b) / 2];
  },
  gapLabel(g, base, a, b, text) {
    node('text', { x: base + 4, y: (a + b) / 2, dy: '0.35em', class: 'gap-label', 'font-size': 10 }, g, text);
  },
  yearLine(f, grid, p) {
    node('line', { x1: f.mainStart, x2: f.width, y1: p, y2: p, class: 'year-line' }, grid);
  },
  yearLabel(f, axis, p, _next, year) {
    if (p < f.mainEnd - 4) node('text', { x: 2, y: p + 4, dy: '0.71em', class: 'year' }, axis, String(year));
  },
};

/** The cases column down the page: what the year labels, official figures and context leave. */
export function casesWidth(f: Frame, officialWidth: number): number {
  const ctxWidth = f.showContext ? CTX_LANE * 3 : 0;
  return f.width - f.mainStart - officialWidth - ctxWidth - 8;
}

