import { css, unsafeCSS } from 'lit';
import { reservedHeightCss } from '../../elements.js';

export const sourceCardStyles = css`
  ${unsafeCSS(reservedHeightCss('source-card', ':host', '--_loading-height'))}
  :host {
  }
  .count {
    margin: 0 0 0.5rem;
    font-weight: 600;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  [part='card'] {
    /* Dataset text may hold very long unbroken strings: wrap them, never widen the card. */
    overflow-wrap: anywhere;
    min-inline-size: 0;
    padding: 0.625rem 0.75rem;
    border: 1px solid var(--_border);
    border-inline-start: 3px solid var(--_kind-color, var(--_border));
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: baseline;
    font-size: 0.8125em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  [part='badge'] {
    display: inline-block;
    padding: 0 0.375rem;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.75rem;
    font-weight: 600;
    letter-spacing: 0.01em;
    color: var(--_kind-color, var(--_muted));
  }
  [part='access'] {
    font-size: 0.75rem;
    color: var(--_muted);
  }
  /* A copy is the one reading a reader should weigh: it stands out like the reliability note. */
  [part='access'].access-copy {
    font-weight: 600;
    color: var(--_warning-text);
  }
  [part='access-note'] {
    margin: 0.25rem 0 0;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .described {
    font-weight: 400;
    color: var(--_muted);
  }
  .publisher {
    min-inline-size: 0;
    font-weight: 600;
    color: var(--_text);
  }
  [part='title'] {
    margin: 0.25rem 0 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part='excerpt'] {
    margin: 0.375rem 0 0;
    padding-inline-start: 0.625rem;
    border-inline-start: 2px solid var(--_border);
    font-style: italic;
    overflow-wrap: anywhere;
  }
  [part='reliability'] {
    margin: 0.375rem 0 0;
    padding: 0.25rem 0.5rem;
    font-size: 0.875em;
    background: var(--_warning-bg);
    color: var(--_warning-text);
    border-radius: var(--_radius);
  }
  .links {
    margin: 0.375rem 0 0;
    font-size: 0.8125em;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .links a {
    color: inherit;
  }
  /* Kind colours are theme tokens (shared/styles.ts), so dark mode needs nothing here. */
  .kind-ngo-report {
    --_kind-color: var(--_kind-ngo);
  }
  .kind-news {
    --_kind-color: var(--_kind-news);
  }
  .kind-government,
  .kind-court {
    --_kind-color: var(--_kind-government);
  }
  .kind-chinese-official {
    --_kind-color: var(--_kind-official);
  }
  .kind-encyclopedia {
    --_kind-color: var(--_kind-other);
  }
`;
