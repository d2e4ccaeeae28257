import { css, unsafeCSS } from 'lit';
import { reservedHeightCss } from '../../elements.js';

export const timelineStyles = css`
  :host {
    --_case: var(--ops-timeline-case, var(--_accent));
    --_official: var(--ops-timeline-official, #8a5a00);
    --_context: var(--ops-timeline-context, var(--_muted));
  }
  ${unsafeCSS(reservedHeightCss('repatriation-timeline', ':host', '--_loading-height'))}
  :host([theme='dark']) {
    --_official: var(--ops-timeline-official, #e6b85c);
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_official: var(--ops-timeline-official, #e6b85c);
    }
  }
  .summary {
    margin: 0.25rem 0 0.5rem;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    margin-block-end: 0.5rem;
    font-size: 0.875em;
  }
  .controls label {
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
    min-block-size: 2.25rem;
    cursor: pointer;
  }
  .controls input {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    accent-color: var(--_accent);
  }
  .controls button,
  .filter button,
  .selected button {
    min-block-size: 2.25rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    cursor: pointer;
  }
  .controls button:hover,
  .filter button:hover {
    border-color: var(--_accent);
  }
  .filter {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin: 0 0 0.5rem;
    padding: 0.25rem 0.5rem;
    background: var(--_surface-alt);
    border-radius: var(--_radius);
    font-size: 0.875em;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0 0 0.5rem;
    padding: 0;
    list-style: none;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .legend li {
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
  }
  .legend svg {
    overflow: visible;
  }
  [part='chart'] {
    position: relative;
    border-radius: var(--_radius);
  }
  [part='chart']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [part='chart'] > svg {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
    font-family: var(--_font);
    overflow: visible;
  }
  .track-title {
    font-size: 12px;
    font-weight: 600;
    fill: var(--_text);
  }
  .year {
    font-size: 11px;
    fill: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .year-line {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .value-grid {
    stroke: var(--_border);
    stroke-dasharray: 2 3;
  }
  .value-tick {
    font-size: 10px;
    fill: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .label {
    font-size: 11px;
    fill: var(--_text);
    font-variant-numeric: tabular-nums;
    paint-order: stroke;
    stroke: var(--_surface);
    stroke-width: 3px;
    stroke-linejoin: round;
  }
  .label .sub {
    font-size: 10px;
    fill: var(--_muted);
  }
  .gap-label {
    font-size: 10px;
    font-style: italic;
    fill: var(--_muted);
  }
  .mark {
    cursor: pointer;
  }
  .case circle,
  .case rect {
    fill: var(--_case);
    stroke: var(--_case);
  }
  .case rect {
    fill-opacity: 0.3;
    stroke-width: 1.5;
  }
  .case.group circle,
  .case.group rect {
    fill-opacity: 0.55;
  }
  .bar rect {
    fill: var(--_official);
    fill-opacity: 0.75;
  }
  .bar.partial rect {
    fill: url(#ops-tl-hatch);
    stroke: var(--_official);
    fill-opacity: 1;
  }
  .hatch-bg {
    fill: var(--_surface);
  }
  .hatch-line {
    stroke: var(--_official);
    stroke-width: 2.5;
  }
  .official.other circle,
  .official.other rect {
    fill: var(--_surface);
    stroke: var(--_official);
    stroke-width: 2;
  }
  .ctx circle,
  .ctx rect {
    fill: var(--_context);
    fill-opacity: 0.55;
  }
  .ctx .label {
    font-size: 10px;
    fill: var(--_muted);
  }
  .mark.active circle,
  .mark.active rect {
    stroke: var(--_focus);
    stroke-width: 3;
  }
  .mark.selected circle,
  .mark.selected rect {
    stroke: var(--_text);
    stroke-width: 3;
  }
  [part='tooltip'] {
    position: absolute;
    z-index: 2;
    inline-size: max-content;
    max-inline-size: min(22rem, 90%);
    padding: 0.5rem 0.625rem;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 2px 10px rgb(0 0 0 / 0.18);
    font-size: 0.8125em;
    pointer-events: none;
  }
  [part='tooltip'] p {
    margin: 0.125rem 0 0;
  }
  .tip-head {
    font-weight: 600;
  }
  .tip-official {
    color: var(--_official);
    font-weight: 600;
  }
  .official-note {
    margin: 0.5rem 0 0;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .selected {
    margin-block-start: 0.75rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .selected-head {
    display: flex;
    gap: 0.5rem;
    justify-content: space-between;
    align-items: start;
  }
  .selected h3 {
    margin: 0;
    font-size: 1em;
  }
  .selected p {
    margin: 0.25rem 0 0.5rem;
  }
  [part='table'] {
    inline-size: 100%;
    margin-block-start: 0.75rem;
    border-collapse: collapse;
    font-size: 0.875em;
  }
  [part='table'] th,
  [part='table'] td {
    padding: 0.375rem 0.5rem;
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  [part='table'] th {
    background: var(--_surface-alt);
  }
  [part='table'] td.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .table-wrap {
    overflow-x: auto;
  }
  .empty {
    color: var(--_muted);
  }
  @media (forced-colors: active) {
    .case circle,
    .case rect,
    .bar rect,
    .ctx circle,
    .ctx rect {
      fill: CanvasText;
      stroke: CanvasText;
    }
    .mark.active circle,
    .mark.active rect,
    .mark.selected circle,
    .mark.selected rect {
      stroke: Highlight;
    }
    .label,
    .year,
    .track-title {
      fill: CanvasText;
    }
  }
`;
