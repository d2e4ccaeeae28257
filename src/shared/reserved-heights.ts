/**
 * The height of each element's first render with the bundled dataset, reserved
 * while it loads and, through ops.js, before it is even defined, so the article
 * does not jump when a widget appears. Pages override it with --ops-height.
 */
export const RESERVED_HEIGHTS: Record<string, { wide: string; narrow?: string }> = {
  'ops-country-table': { wide: '34rem' },
  'ops-source-card': { wide: '7rem' },
  // Vertical on phones, so much taller there.
  'ops-repatriation-timeline': { wide: '41rem', narrow: '110rem' },
  // Title and summary, the map (width ÷ 1.91), legend and buttons.
  'ops-station-map': { wide: 'calc(min(100vw, 44rem) / 1.91 + 18rem)' },
};

/** Where the narrow heights apply (the timeline turns vertical below 600 px of its own width). */
export const NARROW = '(max-width: 640px)';

/** CSS setting `property` to the element's reserved height on `selector`, wide and narrow. */
export function reservedHeightCss(tag: string, selector: string, property: string, value = (height: string) => height): string {
  const { wide, narrow } = RESERVED_HEIGHTS[tag]!;
  const rule = (height: string) => `${selector}{${property}:${value(height)}}`;
  return `${rule(wide)}${narrow ? `@media ${NARROW}{${rule(narrow)}}` : ''}`;
}
