// The registry (src/elements.ts) as the oEmbed pages and the WordPress plugin need it.
import { ELEMENT_NAMES, ELEMENTS, TEXT, attributesOf, type Accepts, type ElementName } from '../src/elements.js';

export interface ElementInfo {
  tag: string;
  title: string;
  /** What a reader sees where the widget cannot run. */
  fallback: string;
  /** Height of the first render in CSS (rem or calc), as ops.js reserves it. */
  height: string;
  attributes: Readonly<Record<string, Accepts>>;
}

export function elements(): Record<ElementName, ElementInfo> {
  return Object.fromEntries(
    ELEMENT_NAMES.map((name) => [name, { tag: ELEMENTS[name].tag, ...TEXT[name], height: ELEMENTS[name].height.wide, attributes: attributesOf(name) }]),
  ) as Record<ElementName, ElementInfo>;
}

/** A reserved height in CSS pixels for a frame `width` px wide (rem = 16 px; the map's calc() evaluated). */
export function heightPx(css: string, width: number): number {
  const rem = (v: string) => Number.parseFloat(v) * 16;
  if (/^[\d.]+rem$/.test(css)) return Math.round(rem(css));
  const calc = /^calc\(min\(100vw, ([\d.]+)rem\) \/ ([\d.]+) \+ ([\d.]+)rem\)$/.exec(css);
  if (calc) return Math.round(Math.min(width, rem(calc[1]!)) / Number(calc[2]) + rem(calc[3]!));
  throw new Error(`cannot turn the reserved height "${css}" into pixels`);
}
