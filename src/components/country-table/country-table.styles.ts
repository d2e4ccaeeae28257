import { css, unsafeCSS } from 'lit';
import { reservedHeightCss } from '../../elements.js';

export const countryTableStyles = css`
  ${unsafeCSS(reservedHeightCss('country-table', ':host', '--_loading-height'))}
  :host {
    --_sticky-top: var(--ops-sticky-top, 0px);
    container-type: inline-size;
  }
  .coverage {
    margin: 0.25rem 0 0.75rem;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
    justify-content: space-between;
    margin-block-end: 0.5rem;
  }
  .search {
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
    flex: 1 1 14rem;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .search input {
    font: inherit;
    font-size: 1rem;
    color: var(--_text);
    background: var(--_surface);
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-block-size: 2.5rem;
  }
  .download,
  .more {
    min-block-size: 2.5rem;
    padding: 0.375rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    cursor: pointer;
  }
  .download:hover,
  .more:hover {
    border-color: var(--_accent);
  }
  .more {
    display: block;
    inline-size: 100%;
    margin-block-start: 0.5rem;
    font-weight: 600;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.9375em;
  }
  thead th {
    position: sticky;
    inset-block-start: var(--_sticky-top);
    z-index: 1;
    background: var(--_surface-alt);
    border-block-end: 2px solid var(--_border);
    text-align: start;
    padding: 0;
    font-size: 0.875em;
    vertical-align: bottom;
    /* Headers break between words only ("Operating / bureaus", never "Operatin / g"). */
    overflow-wrap: normal;
    hyphens: manual;
  }
  thead button {
    display: flex;
    gap: 0.25rem;
    align-items: baseline;
    inline-size: 100%;
    padding: 0.5rem;
    border: 0;
    background: none;
    font-weight: 700;
    text-align: start;
    cursor: pointer;
  }
  th.num button,
  .col-stations button,
  .col-sources button {
    justify-content: end;
  }
  .arrow {
    color: var(--_muted);
  }
  [aria-sort] .arrow {
    color: var(--_accent);
  }
  tbody th,
  tbody td {
    padding: 0.5rem;
    border-block-end: 1px solid var(--_border);
    vertical-align: top;
    text-align: start;
    font-weight: normal;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  /* Number columns take only the room they need; text columns share the rest. */
  .col-stations,
  .col-sources {
    inline-size: 1%;
  }
  thead .col-stations,
  thead .col-sources {
    white-space: nowrap;
  }
  .sub {
    display: block;
    min-inline-size: 4.5rem;
    max-inline-size: 6rem;
    margin-inline-start: auto;
    font-size: 0.8rem;
    line-height: 1.3;
    color: var(--_muted);
  }
  /* Room for two chips a line: four bureaus take two lines. */
  th.col-bureaus {
    inline-size: 10.75rem;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .chip {
    padding: 0 0.375rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-alt);
    font-size: 0.8125rem;
    line-height: 1.5;
    white-space: nowrap;
  }
  .chip.unknown {
    border-style: dashed;
    background: none;
    color: var(--_muted);
  }
  tbody td.num {
    text-align: end;
  }
  .expand {
    display: flex;
    gap: 0.375rem;
    align-items: baseline;
    padding: 0;
    border: 0;
    background: none;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
    min-block-size: 1.5rem;
  }
  /* A Chinese country name stays whole ("法国", never "法 / 国"); names in other scripts break between words. */
  .col-country {
    word-break: keep-all;
  }
  .expand:hover span:last-child {
    text-decoration: underline;
  }
  .chevron {
    color: var(--_accent);
    inline-size: 0.75em;
  }
  tbody.selected tr[part='row'] > * {
    background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
  }
  tbody.selected tr[part='row'] > :first-child {
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  :host(:dir(rtl)) tbody.selected tr[part='row'] > :first-child {
    box-shadow: inset -3px 0 0 var(--_accent);
  }
  .col-response .kind,
  .responses .kind {
    font-weight: 600;
  }
  /* The template's space separates kind and date; a margin would indent the date when it wraps. */
  .col-response time {
    color: var(--_muted);
    white-space: nowrap;
  }
  .download .short {
    display: none;
  }
  /* Dataset text may hold very long unbroken strings; they wrap instead of widening the table. */
  td.col-bureaus,
  td.col-response,
  .station-head,
  .details li {
    overflow-wrap: anywhere;
  }
  /* Cut at a word in the code (never mid-word); the expanded row has the whole text. */
  .col-response .summary {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .muted {
    color: var(--_muted);
  }
  .details-row > td {
    background: var(--_surface-alt);
    padding: 0.5rem 0.75rem 0.75rem;
  }
  .details p {
    margin: 0;
  }
  .details ul {
    list-style: none;
    margin: 0.25rem 0 0.5rem;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .details-title {
    font-weight: 700;
    margin-block-start: 0.5rem !important;
  }
  .country-notes,
  .station-notes {
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .station {
    padding: 0.5rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .station-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: baseline;
  }
  .pill {
    font-size: 0.8125em;
    padding: 0 0.375rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: var(--_muted);
  }
  .status-closed,
  .status-under-investigation {
    border-color: var(--_accent);
    color: var(--_text);
  }
  .station-sources,
  .response-sources {
    font-size: 0.8125em;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .responses .response-sources {
    font-size: 0.9375em;
  }
  .station-sources a,
  .response-sources a {
    color: inherit;
  }
  .responses li {
    font-size: 0.875em;
  }
  .empty {
    padding: 1rem 0.5rem;
    color: var(--_muted);
  }
  .sort-compact {
    display: none;
  }

  /* Phones: each country becomes a card; the sort buttons wrap above the list. */
  @container (max-width: 36rem) {
    table,
    thead,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    /* One sort control replaces the column headers; each card labels its own values. */
    thead {
      display: none;
    }
    .sort-compact {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      padding-block: 0.25rem 0.5rem;
      border-block-end: 2px solid var(--_border);
      font-size: 0.875em;
      color: var(--_muted);
    }
    .sort-compact label {
      display: inline-flex;
      gap: 0.375rem;
      align-items: center;
    }
    .sort-compact select,
    .sort-compact button {
      min-block-size: 2.5rem;
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface-alt);
      color: var(--_text);
      font: inherit;
      cursor: pointer;
    }
    .sort-compact select {
      max-inline-size: 11rem;
    }
    .sort-compact button:hover,
    .sort-compact select:hover {
      border-color: var(--_accent);
    }
    .toolbar {
      flex-wrap: nowrap;
    }
    .search {
      flex: 1 1 auto;
      min-inline-size: 0;
    }
    .download {
      flex: none;
      position: relative;
    }
    /* Hidden from sight, not from screen readers: the search's label, and the full text that stays the button's name. */
    .search > span,
    .download .long {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .download .short {
      display: inline;
    }
    .sort-compact .direction {
      min-inline-size: 2.5rem;
    }
    /* The summary is one tap away, in the expanded row: a card shows the kind and date. */
    .col-response .summary {
      display: none;
    }
    .col-stations,
    .col-sources {
      inline-size: auto;
    }
    .sub {
      max-inline-size: none;
      font-weight: normal;
      text-align: end;
    }
    tr[part='row'] {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0.25rem 0.75rem;
      padding: 0.5rem 0.25rem;
      border-block-end: 1px solid var(--_border);
    }
    tbody th,
    tbody td {
      border: 0;
      padding: 0;
    }
    .col-country {
      grid-column: 1;
    }
    .col-country .expand {
      font-size: 1.0625em;
      min-block-size: 2.25rem;
      align-items: center;
    }
    tbody td.col-stations {
      grid-column: 2;
      grid-row: 1;
      align-self: center;
      font-weight: 700;
      font-size: 1.125em;
    }
    td.col-bureaus {
      grid-column: 1;
    }
    /* The source count sits at the end of the bureaus' line. */
    tbody td.col-sources {
      grid-column: 2;
      grid-row: 2;
      align-self: start;
      text-align: end;
      font-size: 0.875em;
      color: var(--_muted);
      white-space: nowrap;
    }
    .col-response {
      grid-column: 1 / -1;
      grid-row: 3;
      font-size: 0.9375em;
    }
    td.col-response::before,
    td.col-sources::before {
      content: attr(data-label);
      color: var(--_muted);
      font-size: 0.875rem;
    }
    /* Chips of bureau names speak for themselves; the label stays for screen readers. */
    td.col-bureaus {
      position: relative;
    }
    td.col-bureaus::before {
      content: attr(data-label);
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .details-row[hidden] {
      display: none;
    }
    /* The row is a grid here: highlight it whole, not cell by cell. */
    tbody.selected tr[part='row'] {
      background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
      box-shadow: inset 3px 0 0 var(--_accent);
    }
    :host(:dir(rtl)) tbody.selected tr[part='row'] {
      box-shadow: inset -3px 0 0 var(--_accent);
    }
    tbody.selected tr[part='row'] > * {
      background: none;
      box-shadow: none !important;
    }
    .details-row > td {
      padding: 0.5rem;
    }
  }
  @media (forced-colors: active) {
    tbody.selected tr[part='row'] > :first-child {
      outline: 2px solid Highlight;
    }
  }
`;
