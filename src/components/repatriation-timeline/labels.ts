/**
 * Labels never sit on another label or on a mark they do not belong to. Lanes keep most of them
 * apart; this pass, run on the finished drawing, catches the rest (a figure beside a span that
 * runs past a bar, a label pushed before its mark at the right edge): each label is checked
 * against every mark and the texts already placed, and one that collides moves to the other side
 * of its mark, below it or above it; where none of those is free it is left out, and its figure
 * stays in the tooltip and the table.
 */
import type { Measure } from './axes.js';

interface Box {
  l: number;
  t: number;
  r: number;
  b: number;
}

/** Room kept between a label and anything else. */
const GAP = 1;
/** Ascent and descent of a line, in em (system sans-serif fonts stay within these). */
const ASCENT = 0.95;
const DESCENT = 0.28;

const hit = (a: Box, b: Box) => a.l < b.r + GAP && b.l < a.r + GAP && a.t < b.b + GAP && b.t < a.b + GAP;
const num = (el: Element, name: string) => Number(el.getAttribute(name) ?? 0);

function fontSize(el: Element): number {
  const own = el.getAttribute('font-size');
  if (own) return Number(own);
  // The sizes the styles give (the drawing sets them as attributes where they differ from 11 px).
  if (el.classList.contains('sub') || el.closest('.ctx')) return 10;
  return 11;
}

/** dy in pixels ("0.35em" at 11 px is 3.85). */
function dy(el: Element, size: number): number {
  const v = el.getAttribute('dy') ?? '0';
  return v.endsWith('em') ? parseFloat(v) * size : parseFloat(v) || 0;
}

/** The box a text takes, estimated from its attributes and measured widths; its baseline offset from the top. */
function textBox(text: SVGTextElement, measure: Measure): Box {
  const size = fontSize(text);
  const spans = [...text.querySelectorAll('tspan')];
  const lines = spans.length ? spans : [text];
  let baseline = num(text, 'y');
  let top = Infinity;
  let bottom = -Infinity;
  let width = 0;
  for (const line of lines) {
    const s = line === text ? size : fontSize(line);
    baseline += dy(line, s);
    top = Math.min(top, baseline - ASCENT * s);
    bottom = Math.max(bottom, baseline + DESCENT * s);
    width = Math.max(width, measure(line.textContent ?? '', s));
  }
  const x = num(text, 'x');
  const anchor = text.getAttribute('text-anchor');
  const l = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
  return { l, t: top, r: l + width, b: bottom };
}

function shapeBox(el: Element): Box {
  if (el.localName === 'circle') {
    const r = num(el, 'r');
    return { l: num(el, 'cx') - r, t: num(el, 'cy') - r, r: num(el, 'cx') + r, b: num(el, 'cy') + r };
  }
  return { l: num(el, 'x'), t: num(el, 'y'), r: num(el, 'x') + num(el, 'width'), b: num(el, 'y') + num(el, 'height') };
}

/** Moves a text so that its box starts at left, top (start-anchored; its lines move with it). */
function moveTo(text: SVGTextElement, from: Box, l: number, t: number): void {
  const y = num(text, 'y') + (t - from.t);
  text.setAttribute('x', String(Math.round(l * 100) / 100));
  text.setAttribute('y', String(Math.round(y * 100) / 100));
  text.setAttribute('text-anchor', 'start');
  for (const span of text.querySelectorAll('tspan')) span.setAttribute('x', String(Math.round(l * 100) / 100));
}

export interface PlaceOptions {
  width: number;
  height: number;
  measure: Measure;
}

/**
 * Places the labels of the marks (`.mark text`) in drawing order, around the fixed texts (years,
 * track titles, value ticks, "no figure"). Returns how many were left out.
 */
export function placeLabels(svg: SVGSVGElement, { width, height, measure }: PlaceOptions): number {
  const shapes = [...svg.querySelectorAll('.marks .mark rect, .marks .mark circle')].map((el) => ({ box: shapeBox(el), mark: el.closest('.mark') }));
  const placed: Box[] = [];
  const labels: SVGTextElement[] = [];
  for (const text of svg.querySelectorAll<SVGTextElement>('text')) {
    if (!text.textContent?.trim()) continue;
    if (text.closest('.mark')) labels.push(text);
    else placed.push(textBox(text, measure));
  }
  const inside = (b: Box) => b.l >= 0 && b.r <= width && b.t >= 0 && b.b <= height;
  const free = (b: Box, mark: Element | null) => inside(b) && !placed.some((p) => hit(b, p)) && !shapes.some((s) => s.mark !== mark && hit(b, s.box));
  let dropped = 0;
  for (const text of labels) {
    const mark = text.closest('.mark');
    const box = textBox(text, measure);
    if (free(box, mark)) {
      placed.push(box);
      continue;
    }
    const own = shapes.filter((s) => s.mark === mark).map((s) => s.box);
    const m = own.length
      ? { l: Math.min(...own.map((b) => b.l)), t: Math.min(...own.map((b) => b.t)), r: Math.max(...own.map((b) => b.r)), b: Math.max(...own.map((b) => b.b)) }
      : box;
    const w = box.r - box.l;
    const h = box.b - box.t;
    const at = (l: number, t: number): Box => ({ l, t, r: l + w, b: t + h });
    // The other side of the mark at the same height, then under it, then over it.
    const candidates = [
      box.l >= m.r - GAP ? at(m.l - 4 - w, box.t) : at(m.r + 4, box.t),
      at(m.l, m.b + 2),
      at(m.l, m.t - 2 - h),
    ];
    const spot = candidates.find((c) => free(c, mark));
    if (spot) {
      moveTo(text, box, spot.l, spot.t);
      placed.push(spot);
    } else {
      text.remove();
      dropped++;
    }
  }
  return dropped;
}
