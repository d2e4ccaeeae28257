import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { LoadedDataset } from '../../data/load.js';
import type { Bureau, Dataset, Station } from '../../data/schema.js';
import { compareDates, countryRows, coverage, type CountryRow } from '../../data/selectors.js';
import { countryNotesPath, responsePath, stationNotesPath } from '../../data/translation.js';
import type { OpsSelectDetail } from '../../shared/events.js';
import { compareText, countryName, formatDate, intl } from '../../shared/intl.js';
import { bureauName, elementStrings, reportName, type ElementStrings } from '../../shared/strings.js';
import { OpsElement } from '../../shared/ops-element.js';
import { externalLink } from '../../shared/external-link.js';
import { safeHttpUrl } from '../../shared/safe-url.js';
import { countryTableStyles } from './country-table.styles.js';
import { stationsCsv } from './csv.js';
import { TABLE_STRINGS, type TableStrings } from './strings.js';

export type SortKey = 'country' | 'stations' | 'bureaus' | 'response' | 'sources';
type Direction = 'ascending' | 'descending';

/** Rows shown before "Show all N countries", unless the page sets `rows`. */
export const INITIAL_ROWS = 10;

const COLUMNS: SortKey[] = ['country', 'stations', 'bureaus', 'response', 'sources'];
/** Numbers and dates read best largest/latest first; names A–Z. */
const FIRST_DIRECTION: Record<SortKey, Direction> = {
  country: 'ascending',
  stations: 'descending',
  bureaus: 'ascending',
  response: 'descending',
  sources: 'descending',
};

/** Characters of a response summary shown in the row; the expanded row has the full text. */
export const SUMMARY_CHARS = 72;

/** Cut at a word boundary (never mid-word), without trailing punctuation, with an ellipsis. */
export function shorten(text: string, max = SUMMARY_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.search(/\s\S*$/);
  return `${(space > max / 2 ? cut.slice(0, space) : text.slice(0, max)).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** A bureau's short name for the row ("Qingtian" for "Qingtian (Lishui)"); the full name is its title and in the expanded row. */
function shortName(name: string): string {
  return name.replace(/\s*[(（][^)）]*[)）]$/, '') || name;
}

/** Lower-case, without accents, so "Sao Paulo" finds "São Paulo". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * One row per country: stations, operating bureaus, the host government's
 * latest response and the number of sources. Sortable, searchable, rows
 * expand to list the country's stations, and the data downloads as CSV.
 *
 * @element ops-country-table
 * @summary Reported stations per country, with operating bureaus and host-government responses.
 *
 * @attr src - Dataset URL (default: the dataset shipped beside the script).
 * @attr lang - UI language (`en`, `fr`, `it`, `es`, `nl`, `de`, `pt-BR`, `pt-PT`, `ja`, `ko`, `zh-Hans`, `zh-Hant`; regional tags such as `fr-CA` resolve); inherited from the closest `[lang]`.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr plain - Hides the title and credit line.
 * @attr group - Shares the selected country with widgets of the same group.
 * @attr sort - Column to sort by: `country`, `stations` (default), `bureaus`, `response`, `sources`.
 * @attr direction - `ascending` or `descending` (default: the column's natural order).
 * @attr rows - Rows shown before "Show all N countries" (default 10): fewer for a compact first view, as in a frame with a height cap.
 * @attr static - Every row, no search, sort or download controls (print, newsletters, screenshots); printing does the same.
 *
 * @fires ops-select - A country was selected (row expanded); `detail: { group, kind: 'country', id }`.
 *
 * @csspart title - The table's title.
 * @csspart coverage - The sentence saying how complete the list is.
 * @csspart search - The search box.
 * @csspart download - The "Download data (CSV)" button.
 * @csspart controls - The sort control shown on phones in place of the column headers (a select and a direction button).
 * @csspart table - The table.
 * @csspart row - A country row.
 * @csspart details - The expanded list of a country's stations.
 * @csspart more - The "Show all N countries" button.
 * @csspart credit - The credit line.
 * @csspart error - The message shown when the data cannot be used.
 * @csspart loading - The placeholder shown while the data loads (34rem tall, the first render's height; set `--ops-height`).
 *
 * @cssprop --ops-accent - Links, highlights and the selected row.
 * @cssprop --ops-text - Text colour.
 * @cssprop --ops-muted - Secondary text colour.
 * @cssprop --ops-surface - Background.
 * @cssprop --ops-surface-alt - Header and expanded-row background.
 * @cssprop --ops-border - Borders and rules.
 * @cssprop --ops-font-family - Font (default: the page's).
 * @cssprop --ops-sticky-top - Offset of the sticky header, for pages with a fixed navigation bar.
 * @cssprop --ops-height - Height reserved while loading.
 */
export class OpsCountryTable extends OpsElement {
  static override styles = [...OpsElement.styles, countryTableStyles];

  @property({ reflect: true }) sort: SortKey = 'stations';
  @property({ reflect: true }) direction: Direction | undefined;
  /** Rows shown before "Show all N countries"; anything but a positive whole number means the default. */
  @property({ type: Number }) rows = INITIAL_ROWS;
  @state() protected query = '';
  @state() protected expanded: ReadonlySet<string> = new Set();
  @state() protected showAll = false;
  @state() protected selectedCountry: string | null = null;
  /** No controls, every row shown: for print, newsletters and screenshots. */
  @property({ type: Boolean, reflect: true }) static = false;
  @state() protected printing = false;

  get #firstRows(): number {
    return Number.isInteger(this.rows) && this.rows > 0 ? this.rows : INITIAL_ROWS;
  }

  #rows?: { dataset: Dataset; rows: CountryRow[] };

  protected override get t(): ElementStrings<'table', TableStrings> {
    return elementStrings(this.uiLang, 'table', TABLE_STRINGS);
  }

  // Paper has no "Show all" button: every row is printed.
  #beforePrint = () => (this.printing = true);
  #afterPrint = () => (this.printing = false);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.#beforePrint);
    window.addEventListener('afterprint', this.#afterPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.#beforePrint);
    window.removeEventListener('afterprint', this.#afterPrint);
  }

  protected override applySelection(detail: OpsSelectDetail): void {
    const code = detail.kind === 'country' ? detail.id : detail.country ?? null;
    if (detail.id === null) {
      this.selectedCountry = null;
      return;
    }
    if (!code) return;
    this.selectedCountry = code;
    this.expanded = new Set([...this.expanded, code]);
    // A selection made elsewhere must be visible here, even past the first ten rows.
    this.showAll = true;
  }

  #rowsOf(dataset: Dataset): CountryRow[] {
    if (this.#rows?.dataset !== dataset) this.#rows = { dataset, rows: countryRows(dataset) };
    return this.#rows.rows;
  }

  #sorted(rows: CountryRow[], dataset: Dataset): CountryRow[] {
    const key = COLUMNS.includes(this.sort) ? this.sort : 'stations';
    const direction = this.direction ?? FIRST_DIRECTION[key];
    const compareNames = compareText(this.uiLang);
    const name = (r: CountryRow) => countryName(r.code, this.uiLang);
    const compare: Record<SortKey, (a: CountryRow, b: CountryRow) => number> = {
      country: (a, b) => compareNames(name(a), name(b)),
      stations: (a, b) => a.stations.length - b.stations.length,
      bureaus: (a, b) =>
        compareNames(
          a.bureaus.map((id) => bureauName(dataset, id, this.uiLang)).join(' '),
          b.bureaus.map((id) => bureauName(dataset, id, this.uiLang)).join(' '),
        ),
      // Countries without a response sort as the oldest.
      response: (a, b) => compareDates(a.latestResponse?.date ?? '', b.latestResponse?.date ?? ''),
      sources: (a, b) => a.sourceIds.length - b.sourceIds.length,
    };
    const sign = direction === 'ascending' ? 1 : -1;
    // Ties fall back to the country name, A–Z, whatever the direction.
    return [...rows].sort((a, b) => sign * compare[key](a, b) || compareNames(name(a), name(b)));
  }

  #matches(row: CountryRow, query: string, bureaus: Map<string, Bureau>): boolean {
    const haystack = [
      row.code,
      countryName(row.code, this.uiLang),
      countryName(row.code, 'en'),
      ...row.stations.map((s) => s.city ?? ''),
      ...row.bureaus.flatMap((id) => [bureaus.get(id)?.name ?? id, bureaus.get(id)?.nameZh ?? '']),
    ];
    return haystack.some((text) => fold(text).includes(query));
  }

  #onSort(key: SortKey) {
    const current = this.direction ?? FIRST_DIRECTION[this.sort];
    if (this.sort === key) this.direction = current === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sort = key;
      this.direction = undefined;
    }
  }

  #toggle(code: string) {
    const expanded = new Set(this.expanded);
    const opening = !expanded.has(code);
    if (opening) expanded.add(code);
    else expanded.delete(code);
    this.expanded = expanded;
    if (opening) {
      this.selectedCountry = code;
      this.select('country', code);
    } else if (this.selectedCountry === code) {
      this.selectedCountry = null;
      this.select(null, null);
    }
  }

  #download(dataset: Dataset, codes: Set<string>) {
    const blob = new Blob([stationsCsv(dataset, this.uiLang, codes, this.t.table.csvHeader)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'overseas-police-stations.csv';
    a.hidden = true;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    // The download has started by now; release the blob after the browser has read it.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  protected renderData({ dataset }: LoadedDataset) {
    const t = this.t.table;
    const bureaus = new Map(dataset.bureaus.map((b) => [b.id, b]));
    const all = this.#sorted(this.#rowsOf(dataset), dataset);
    const query = fold(this.query.trim());
    const matching = query ? all.filter((r) => this.#matches(r, query, bureaus)) : all;
    const visible = query || this.showAll || this.static || this.printing ? matching : matching.slice(0, this.#firstRows);
    const sortKey = COLUMNS.includes(this.sort) ? this.sort : 'stations';
    const direction = this.direction ?? FIRST_DIRECTION[sortKey];
    const labels: Record<SortKey, string> = {
      country: this.t.country,
      stations: t.stations,
      bureaus: t.bureaus,
      response: t.response,
      sources: t.sources,
    };

    return html`
      <div class="head">
        ${this.plain ? nothing : html`<p part="title" class="title" id="title">${t.caption}</p>`}
        <p part="coverage" class="coverage" id="coverage">${this.#coverageText(dataset)}</p>
      </div>
      <div class="toolbar">
        <label class="search">
          <span>${t.search}</span>
          <input
            part="search"
            type="search"
            .value=${this.query}
            placeholder=${t.searchPlaceholder}
            autocomplete="off"
            @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
          />
        </label>
        <button
          part="download"
          class="download"
          type="button"
          @click=${() => this.#download(dataset, new Set(matching.map((r) => r.code)))}
        >
          <span class="long">${t.download}</span><span class="short" aria-hidden="true">↓ ${t.downloadShort}</span>
        </button>
      </div>
      <!-- Phones: one sort control in place of the column headers (hidden there). -->
      <div part="controls" class="sort-compact">
        <label
          >${t.sortBy}
          <select
            .value=${sortKey}
            @change=${(e: Event) => {
              this.sort = (e.target as HTMLSelectElement).value as SortKey;
              this.direction = undefined;
            }}
          >
            ${COLUMNS.map((key) => html`<option value=${key} ?selected=${key === sortKey}>${labels[key]}</option>`)}
          </select></label
        >
        <button type="button" class="direction" title=${direction === 'ascending' ? t.ascending : t.descending} @click=${() => this.#onSort(sortKey)}>
          <span aria-hidden="true">${direction === 'ascending' ? '▲' : '▼'}</span
          ><span class="visually-hidden">${direction === 'ascending' ? t.ascending : t.descending}</span>
        </button>
      </div>
      <p class="visually-hidden" role="status">${query ? t.matches(matching.length) : ''}</p>
      <!-- Explicit roles: the phone layout changes display, which can drop table semantics in some browsers. -->
      <table part="table" role="table" aria-labelledby=${this.plain ? 'coverage' : 'title'} aria-describedby=${this.plain ? nothing : 'coverage'}>
        <thead role="rowgroup">
          <tr role="row">
            ${COLUMNS.map(
              (key) => html`<th scope="col" role="columnheader" class="col-${key}" aria-sort=${sortKey === key ? direction : nothing}>
                <button type="button" @click=${() => this.#onSort(key)}>
                  <span>${labels[key]}</span><span class="arrow" aria-hidden="true"
                    >${sortKey === key ? (direction === 'ascending' ? '▲' : '▼') : '↕'}</span
                  >
                </button>
              </th>`,
            )}
          </tr>
        </thead>
        ${repeat(
          visible,
          (row) => row.code,
          (row) => this.#renderRow(row, dataset, labels),
        )}
      </table>
      ${matching.length === 0 ? html`<p class="empty">${all.length ? t.noMatches : t.noData}</p>` : nothing}
      ${!query && matching.length > this.#firstRows
        ? html`<button part="more" class="more" type="button" aria-expanded=${this.showAll ? 'true' : 'false'} @click=${() => (this.showAll = !this.showAll)}>
            ${this.showAll ? t.showFewer : t.showAll(matching.length)}
          </button>`
        : nothing}
    `;
  }

  #coverageText(dataset: Dataset): string {
    const t = this.t.table;
    const c = coverage(dataset);
    if (!c.total || !c.report) return t.coverageUncounted({ stations: c.stations, countries: c.countries });
    return t.coverage({
      listed: c.listed,
      total: c.total.stations,
      countries: c.listedCountries,
      totalCountries: c.total.countries,
      report: reportName(c.report, this.uiLang),
      others: c.others,
    });
  }

  #renderRow(row: CountryRow, dataset: Dataset, labels: Record<SortKey, string>) {
    const t = this.t.table;
    const lang = this.uiLang;
    const name = countryName(row.code, lang);
    const open = this.expanded.has(row.code);
    const response = row.latestResponse;
    const detailsId = `details-${row.code}`;
    // One tbody per country keeps the row and its details together for sorting and screen readers.
    const notCounted = row.stations.filter((s) => s.listedIn.length === 0).length;
    return html`<tbody role="rowgroup" class=${this.selectedCountry === row.code ? 'selected' : ''}>
      <tr part="row" role="row" data-country=${row.code}>
        <th scope="row" role="rowheader" class="col-country" data-label=${labels.country + t.colon}>
          <button type="button" class="expand" aria-expanded=${open ? 'true' : 'false'} aria-controls=${detailsId} @click=${() => this.#toggle(row.code)}>
            <span class="chevron" aria-hidden="true">${open ? '▾' : '▸'}</span><span>${name}</span>
          </button>
        </th>
        <td role="cell" class="col-stations num" data-label=${labels.stations + t.colon}>
          ${row.stations.length}${notCounted ? html`<span class="sub">${t.notCounted(notCounted)}</span>` : nothing}
        </td>
        <td role="cell" class="col-bureaus" data-label=${labels.bureaus + t.colon}>
          ${row.bureaus.length
            ? html`<span class="chips">${row.bureaus.map((id, i) => {
                // A screen reader hears a list ("Fuzhou, Wenzhou"; "福州、温州"): the language's own separator, hidden from sight.
                const separator = intl(Intl.ListFormat, lang, { type: 'conjunction' }).formatToParts(['a', 'b', 'c'])[1]!.value;
                const full = bureauName(dataset, id, lang);
                const short = shortName(full);
                return html`${i ? html`<span class="visually-hidden">${separator}</span>` : nothing}<span
                    class="chip${id === 'unknown' ? ' unknown' : ''}"
                    title=${short === full ? nothing : full}
                    >${short}</span
                  >`;
              })}</span>`
            : '—'}
        </td>
        <td role="cell" class="col-response" data-label=${t.responseShort + t.colon}>
          ${response
            ? html`<span class="kind">${this.t.responseKind[response.kind]}</span>
                <time datetime=${response.date}>${formatDate(response.date, lang)}</time>
                <span class="summary" lang=${this.dataLangOf(responsePath(row.code, row.record!.responses.indexOf(response)))}
                  >${shorten(this.dataString(responsePath(row.code, row.record!.responses.indexOf(response)), response.summary))}</span
                >`
            : html`<span class="muted">${t.noResponse}</span>`}
        </td>
        <td role="cell" class="col-sources num" data-label=${labels.sources + t.colon}>${row.sourceIds.length}</td>
      </tr>
      <tr class="details-row" role="row" id=${detailsId} ?hidden=${!open}>
        <td role="cell" colspan="5">${open ? this.#renderDetails(row, dataset) : nothing}</td>
      </tr>
    </tbody>`;
  }

  #renderDetails(row: CountryRow, dataset: Dataset) {
    const t = this.t.table;
    const lang = this.uiLang;
    const sources = new Map(dataset.sources.map((s) => [s.id, s]));
    const sourceLinks = (ids: string[]) =>
      ids.map((id, i) => {
        const source = sources.get(id);
        const href = safeHttpUrl(source?.url);
        const label = source ? `${source.publisher} (${formatDate(source.date, lang)})` : id;
        return html`${i ? ', ' : ''}${href
          ? externalLink(href, label, { title: source!.title })
          : label}`;
      });
    const station = (s: Station) => html`<li class="station">
      <p class="station-head">
        <strong>${s.city || t.cityUnknown}</strong>
        <span class="pill">${bureauName(dataset, s.bureau, lang)}</span>
        <span class="pill status-${s.status}">${this.t.status[s.status]}${s.statusDate ? html` · ${formatDate(s.statusDate, lang)}` : nothing}</span>
      </p>
      ${s.notes ? html`<p class="station-notes">${this.dataText(stationNotesPath(s.id), s.notes)}</p>` : nothing}
      <p class="station-sources">${t.sources}: ${sourceLinks(s.sources)}</p>
    </li>`;
    const responses = [...(row.record?.responses ?? [])].sort((a, b) => compareDates(b.date, a.date));
    return html`<div part="details" class="details">
      ${row.record?.notes ? html`<p class="country-notes">${this.dataText(countryNotesPath(row.code), row.record.notes)}</p>` : nothing}
      ${row.stations.length
        ? html`<p class="details-title">${t.expand(countryName(row.code, lang))}</p>
            <ul role="list">${row.stations.map(station)}</ul>`
        : nothing}
      ${responses.length
        ? html`<p class="details-title">${t.responsesLabel}</p>
            <ul role="list" class="responses">
              ${responses.map(
                (r) => html`<li class=${r.by === 'china' ? 'by-china' : ''}>
                  ${r.by === 'china' ? html`<span class="pill by">${this.t.sourceKind['chinese-official']}</span>` : nothing}
                  <span class="kind">${this.t.responseKind[r.kind]}</span>
                  <time datetime=${r.date}>${formatDate(r.date, lang)}</time>:
                  ${this.dataText(responsePath(row.code, row.record!.responses.indexOf(r)), r.summary)}
                  <span class="response-sources">(${sourceLinks(r.sources)})</span>
                </li>`,
              )}
            </ul>`
        : nothing}
    </div>`;
  }
}
