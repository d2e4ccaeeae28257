import { css, unsafeCSS } from 'lit';
import { reservedHeightCss } from '../../elements.js';
import { RING } from './geo.js';
import { ASPECT, NARROW_ASPECT, NARROW_MAX } from './view.js';

/** Dark map colours, for theme="dark" and for theme="auto" on a dark system. */
const mapDark = css`
  --_water: var(--ops-map-water, #15191d);
  --_land: var(--ops-map-land, #33363a);
  --_host: var(--ops-map-host, #5c574f);
  --_line: var(--ops-map-border, #18191b);
  --_cluster: var(--ops-map-cluster, #ecebe8);
  --_cluster-text: var(--ops-map-cluster-text, #18191b);
  --_b1: var(--ops-bureau-1, #6cb8f0);
  --_b2: var(--ops-bureau-2, #ff9a66);
  --_b3: var(--ops-bureau-3, #4fd1a5);
  --_b4: var(--ops-bureau-4, #eaa0d6);
  --_b5: var(--ops-bureau-5, #e6c35a);
  --_b-unknown: var(--ops-bureau-unknown, #a8a8a8);
`;

/** Map colours are tokens: the SVG preview uses them directly, MapLibre reads their computed values. */
export const stationMapStyles = css`
  ${unsafeCSS(reservedHeightCss('station-map', ':host', '--_loading-height'))}
  :host {
    --_water: var(--ops-map-water, #f4f7f9);
    --_land: var(--ops-map-land, #e3e1dc);
    --_host: var(--ops-map-host, #cfc6ba);
    --_line: var(--ops-map-border, #ffffff);
    --_cluster: var(--ops-map-cluster, #2b2b2b);
    --_cluster-text: var(--ops-map-cluster-text, #ffffff);
    --_b1: var(--ops-bureau-1, #0066a8);
    --_b2: var(--ops-bureau-2, #c2410c);
    --_b3: var(--ops-bureau-3, #00704f);
    --_b4: var(--ops-bureau-4, #a23b84);
    --_b5: var(--ops-bureau-5, #806200);
    --_b-unknown: var(--ops-bureau-unknown, #6b6b6b);
  }
  /* The element's own width picks the phone layout (a container query, not the viewport's width). */
  :host {
    container: ops-map / inline-size;
  }
  :host([theme='dark']) {
    ${mapDark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${mapDark}
    }
  }
  [part='title'] {
    margin: 0 0 0.25rem;
    font-weight: 700;
    font-size: 1.0625em;
  }
  [part='summary'] {
    margin: 0 0 0.5rem;
  }
  .filtered {
    margin: 0 0 0.5rem;
    font-size: 0.875em;
    color: var(--_muted);
  }
  [part='map'] {
    position: relative;
    inline-size: 100%;
    aspect-ratio: ${unsafeCSS(ASPECT.toFixed(4))};
    overflow: hidden;
    background: var(--_water);
    border-radius: var(--_radius);
    touch-action: pan-x pan-y;
  }
  /* The frame is drawn over the map, not as a border, so the box is exactly as wide as the host (see #observe). */
  [part='map']::after {
    content: '';
    position: absolute;
    inset: 0;
    z-index: 3;
    border: 1px solid var(--_border);
    border-radius: inherit;
    pointer-events: none;
  }
  [part='map'] svg {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    user-select: none;
    -webkit-user-select: none;
  }
  /* More specific than MapLibre's own .maplibregl-map { position: relative }, adopted after these styles. */
  [part='map'] > .gl {
    position: absolute;
    inset: 0;
  }
  /* MapLibre sizes its canvas from the container; an absolute canvas cannot push the container (no resize loop). */
  .gl .maplibregl-canvas {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
  }
  .gl[hidden] {
    display: block;
    visibility: hidden;
  }
  .water {
    fill: var(--_water);
  }
  .country {
    fill: var(--_land);
    stroke: var(--_line);
    stroke-width: 0.5;
    /* Paths are drawn once at a fixed scale and placed with a transform; strokes keep their pixel width. */
    vector-effect: non-scaling-stroke;
  }
  .country.host {
    fill: var(--_host);
  }
  .country.focus {
    stroke: var(--_text);
    stroke-width: 1.25;
  }
  .regions {
    display: flex;
    gap: 0.25rem;
    margin: 0 0 0.5rem;
    overflow-x: auto;
    scrollbar-width: thin;
  }
  .regions button {
    flex: none;
    min-block-size: 2.25rem;
    padding: 0.25rem 0.625rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: 0.875em;
    cursor: pointer;
  }
  .regions button[aria-pressed='true'] {
    border-color: var(--_text);
    background: var(--_text);
    color: var(--_surface);
  }
  .regions .count {
    font-variant-numeric: tabular-nums;
    opacity: 0.8;
  }
  .cluster,
  .badge {
    cursor: pointer;
    outline: none;
  }
  /* Hit areas: at least 24 px, transparent, and where the selection and focus rings are drawn. */
  .hit {
    fill: transparent;
    stroke: none;
  }
  .dot,
  .halo {
    stroke: var(--_surface);
    stroke-width: 1.5;
  }
  .halo {
    fill: var(--_surface);
  }
  .arc {
    fill: none;
    stroke-width: ${unsafeCSS(RING)};
  }
  .disc {
    fill: var(--_cluster);
  }
  .cluster text {
    fill: var(--_cluster-text);
    font-size: var(--_marker-font, 11px);
    font-weight: 700;
    text-anchor: middle;
    dominant-baseline: central;
    pointer-events: none;
  }
  .cluster:hover .hit,
  .cluster.selected .hit,
  .badge:hover .hit,
  .badge.selected .hit {
    stroke: var(--_accent);
    stroke-width: 3;
  }
  .cluster:focus-visible .hit,
  .badge:focus-visible .hit {
    stroke: var(--_focus);
    stroke-width: 3;
  }
  .badge .box {
    fill: var(--_surface);
    stroke: var(--_text);
    stroke-width: 1;
    stroke-dasharray: 3 2;
  }
  .badge text {
    fill: var(--_text);
    font-size: var(--_marker-font, 11px);
    font-weight: 700;
    text-anchor: middle;
    dominant-baseline: central;
    pointer-events: none;
  }
  .b1 { fill: var(--_b1); background: var(--_b1); }
  .b2 { fill: var(--_b2); background: var(--_b2); }
  .b3 { fill: var(--_b3); background: var(--_b3); }
  .b4 { fill: var(--_b4); background: var(--_b4); }
  .b5 { fill: var(--_b5); background: var(--_b5); }
  .b-unknown { fill: var(--_b-unknown); background: var(--_b-unknown); }
  .arc.b1 { stroke: var(--_b1); }
  .arc.b2 { stroke: var(--_b2); }
  .arc.b3 { stroke: var(--_b3); }
  .arc.b4 { stroke: var(--_b4); }
  .arc.b5 { stroke: var(--_b5); }
  .arc.b-unknown { stroke: var(--_b-unknown); }
  /* After the .bN fills above, which colour dots and swatches. */
  .arc {
    fill: none;
  }
  .controls.on-map {
    position: absolute;
    inset-block-start: 0.5rem;
    inset-inline-end: 0.5rem;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    z-index: 2;
  }
  .controls button {
    min-block-size: 2.25rem;
    min-inline-size: 2.25rem;
    padding: 0.25rem 0.625rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
    font-size: 0.875em;
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.15);
  }
  .controls.in-toolbar {
    display: none;
    gap: 0.5rem;
  }
  .controls.in-toolbar button {
    box-shadow: none;
  }
  .toolbar .explore {
    font-weight: 600;
    border-color: var(--_text);
  }
  .map-status {
    position: absolute;
    inset-block-end: 0.5rem;
    inset-inline-start: 0.5rem;
    z-index: 2;
    margin: 0;
    max-inline-size: calc(100% - 1rem);
    padding: 0.25rem 0.5rem;
    font-size: 0.8125em;
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--_radius);
  }
  [part='attribution'] {
    position: absolute;
    inset-block-end: 0;
    inset-inline-end: 0;
    z-index: 2;
    margin: 0;
    padding: 0 0.375rem;
    font-size: 0.6875rem;
    color: var(--_muted);
    background: color-mix(in srgb, var(--_surface) 80%, transparent);
  }
  [part='legend'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.875rem;
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  [part='legend'] li {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }
  .legend-title {
    font-weight: 600;
    color: var(--_text);
  }
  .swatch {
    display: inline-block;
    inline-size: 0.75rem;
    block-size: 0.75rem;
    border-radius: 50%;
    forced-color-adjust: none;
  }
  /* A cluster in small: a disc inside a ring of bureau colours. */
  .swatch.many {
    inline-size: 0.875rem;
    block-size: 0.875rem;
    background:
      radial-gradient(circle, var(--_cluster) 0 38%, var(--_surface) 39% 48%, transparent 49%),
      conic-gradient(var(--_b1) 0 30%, var(--_b2) 0 45%, var(--_b3) 0 60%, var(--_b-unknown) 0);
  }
  .swatch.host {
    border-radius: 2px;
    background: var(--_host);
  }
  .swatch.unlocated {
    border-radius: 2px;
    border: 1px dashed var(--_text);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0.5rem 0 0;
  }
  .toolbar button,
  .station-button,
  .close {
    min-block-size: 2.25rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_text);
    cursor: pointer;
  }
  [part='details'] {
    margin: 0.5rem 0 0;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-inline-start: 3px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .details-head {
    display: flex;
    justify-content: space-between;
    align-items: start;
    gap: 0.5rem;
  }
  .details-title {
    margin: 0;
    font-weight: 700;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.125rem 0.75rem;
    margin: 0.5rem 0;
    font-size: 0.9375em;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .station-list {
    list-style: none;
    margin: 0.5rem 0 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  .station-button {
    inline-size: 100%;
    text-align: start;
    background: var(--_surface);
  }
  .station-button .swatch {
    margin-inline-end: 0.375rem;
  }
  [part='list'] {
    margin: 0.75rem 0 0;
  }
  [part='list'] h3 {
    margin: 0.75rem 0 0.25rem;
    font-size: 1em;
  }
  [part='list'] > ul,
  [part='list'] .stations {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='list'] .stations > li {
    padding: 0.375rem 0;
    border-block-end: 1px solid var(--_border);
  }
  [part='list'] .line,
  [part='list'] .notes {
    margin: 0;
  }
  [part='list'] .notes {
    font-size: 0.9375em;
    color: var(--_muted);
  }
  [part='list'] .line .swatch {
    margin-inline-end: 0.25rem;
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
  }
  ops-source-card {
    margin-block-start: 0.5rem;
    background: transparent;
  }
  @media (forced-colors: active) {
    .dot,
    .halo,
    .badge .box {
      stroke: CanvasText;
    }
    .swatch {
      border: 1px solid CanvasText;
    }
  }
  /* On a phone: a taller box (it opens on Europe) and the zoom buttons under it. */
  @container ops-map (max-width: ${unsafeCSS(NARROW_MAX)}px) {
    [part='map'] {
      aspect-ratio: ${unsafeCSS(NARROW_ASPECT)};
    }
    .controls.on-map {
      display: none;
    }
    .controls.in-toolbar {
      display: flex;
    }
  }
`;
