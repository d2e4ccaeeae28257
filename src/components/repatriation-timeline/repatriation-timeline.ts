import { html, isServer, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { property, state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import type { LoadedDataset } from '../../data/load.js';
import type { Dataset, OpsEvent } from '../../data/schema.js';
import { compareDates, filterTimeline, officialShape, timelineSeries, type TimelineSeries } from '../../data/selectors.js';
import { eventPath } from '../../data/translation.js';
import type { OpsSelectDetail } from '../../shared/events.js';
import { countryName, formatDate, formatList, formatNumber } from '../../shared/intl.js';
import { OpsElement } from '../../shared/ops-element.js';
import { localeReady } from '../../shared/locales.js';
import { nextTask } from '../../shared/render-turn.js';
import '../source-card/define.js';
import { timelineSteps } from './render.js';
import { timelineStyles } from './repatriation-timeline.styles.js';
import { TIMELINE_STRINGS, type TimelineStrings } from './strings.js';
import { elementStrings, type ElementStrings } from '../../shared/strings.js';
import { cssProps } from '../../shared/css-props.js';

/** What the element draws from, kept until an input changes. */
interface ViewCache {
  key: string;
  series: TimelineSeries;
  order: OpsEvent[];
  svg: SVGSVGElement;
  byId: Map<string, OpsEvent>;
  shownIds: Set<string>;
  publishers: string[];
}

/** The first sentence of a summary, for the live region and the tooltip's head line. */
export function headline(summary: string): string {
  // Chinese ends a sentence with a full-width mark and no space after it.
  const m = /^(.{20,160}?[.!?])(\s|$)/.exec(summary) ?? /^(.{8,80}?[。！？])/.exec(summary);
  return m ? m[1]! : summary.length > 160 ? `${summary.slice(0, 157)}…` : summary;
}

/**
 * Dated repatriations and "persuasion to return" cases (with the number of
 * people), the Chinese government's own published figures on a separate,
 * labelled scale, and the events around the stations: reports,
 * investigations, closures, arrests, charges and statements. Below 600 px
 * wide, time runs down the page.
 *
 * Figures are never added together: running totals and partial years are
 * shown as such, and a year without a published figure is a gap.
 *
 * @element ops-repatriation-timeline
 * @summary Repatriations and "persuasion to return" cases over time, with official figures and context events.
 *
 * @attr src - Dataset URL (default: the dataset shipped beside the script).
 * @attr lang - UI language (`en`, `fr`, `it`, `es`, `nl`, `de`, `pt-BR`, `pt-PT`, `ja`, `ko`, `zh-Hans`, `zh-Hant`; regional tags such as `fr-CA` resolve); inherited from the closest `[lang]`.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr plain - Hides the title and credit line.
 * @attr group - Follows country selections of the group (filters to that country) and shares the selected event.
 * @attr from - First date shown (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
 * @attr to - Last date shown (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
 * @attr kinds - Event kinds to show, separated by spaces or commas (e.g. `repatriation persuasion`); default: all.
 * @attr country - ISO 3166-1 code: only events in that country.
 *
 * @fires ops-select - An event was selected (click or Enter) or cleared (Escape); `detail: { group, kind: 'event', id }`.
 *
 * @csspart title - The title.
 * @csspart summary - The text summary of what the chart shows.
 * @csspart controls - The "show related events" switch and the "Show as table" button.
 * @csspart legend - The key to the marks.
 * @csspart chart - The focusable chart (arrow keys move between events).
 * @csspart tooltip - The box shown on hover or focus.
 * @csspart selected - The selected event with its sources.
 * @csspart table - The table of every event shown.
 * @csspart credit - The credit line.
 * @csspart error - The message shown when the data cannot be used.
 * @csspart loading - The placeholder shown while the data loads (41rem tall, 110rem on phones: the first render's height; set `--ops-height`).
 *
 * @cssprop --ops-accent - Individual cases and links.
 * @cssprop --ops-text - Text colour.
 * @cssprop --ops-muted - Secondary text and context events.
 * @cssprop --ops-surface - Background.
 * @cssprop --ops-surface-alt - Buttons and table header.
 * @cssprop --ops-border - Grid lines and borders.
 * @cssprop --ops-focus - The focused event.
 * @cssprop --ops-font-family - Font (default: the page's).
 * @cssprop --ops-timeline-case - Colour of individual cases (default: the accent).
 * @cssprop --ops-timeline-official - Colour of official Chinese figures.
 * @cssprop --ops-timeline-context - Colour of context events.
 * @cssprop --ops-height - Height reserved while loading.
 */
export class OpsRepatriationTimeline extends OpsElement {
  static override styles = [...OpsElement.styles, timelineStyles];

  @property() from: string | undefined;
  @property() to: string | undefined;
  @property() kinds: string | undefined;
  @property() country: string | undefined;
  @state() protected showContext = true;
  @state() protected showTable = false;
  @state() protected selectedId: string | null = null;
  /** The event reached with the keyboard. */
  @state() protected activeId: string | null = null;
  @state() protected hoverId: string | null = null;
  /** A country selected in the group: filters the timeline. */
  @state() protected groupCountry: string | null = null;
  @state() protected width = 0;

  #resize?: ResizeObserver;
  #chartFocused = false;
  #cache?: ViewCache;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize ??= new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]!.contentRect.width);
      // Redraw in the next frame: a redraw changes the height, which must not re-enter this observer's loop.
      if (w && w !== this.width) requestAnimationFrame(() => (this.width = w));
    });
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
  }

  /**
   * The first drawing with data is made over two tasks, the one the data arrived in (the series and
   * its marks placed in lanes) and the next (the drawing), and shown in a third, so that no one task
   * holds the page as long as the three did (each long task counts towards Total Blocking Time).
   * Nothing of the drawing is in the document until that last task: until then the reader sees the
   * placeholder, never part of a chart. Later renders (a resize, a filter, a hover) draw and show in
   * one task, as does a widget taking over server-rendered HTML (whose content must not vanish for
   * a frame).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const dataset = this.datasetTask.status === TaskStatus.COMPLETE ? this.datasetTask.value?.dataset : undefined;
    // A strings file or a language chunk still on its way: the placeholder stays anyway, drawn later.
    if (isServer || this.#cache || !dataset || this.prerendered || this.strings || !localeReady(this.uiLang)) return super.scheduleUpdate();
    const steps = this.#viewSteps(dataset);
    steps.next();
    return nextTask()
      .then(() => {
        while (!steps.next().done);
        return nextTask();
      })
      .then(() => super.scheduleUpdate());
  }

  protected override applySelection(detail: OpsSelectDetail): void {
    if (detail.id === null) {
      this.groupCountry = null;
      this.selectedId = null;
      return;
    }
    if (detail.kind === 'country') this.groupCountry = detail.id;
    else if (detail.kind === 'station' && detail.country) this.groupCountry = detail.country;
    else if (detail.kind === 'event') this.selectedId = detail.id;
  }

  protected override get t(): ElementStrings<'timeline', TimelineStrings> {
    return elementStrings(this.uiLang, 'timeline', TIMELINE_STRINGS);
  }

  /** The series shown, its events in reading order, and the drawing; recomputed only when an input changes. */
  #view(dataset: Dataset) {
    const steps = this.#viewSteps(dataset);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** #view() in the two steps of the drawing (see timelineSteps), for the first drawing's tasks. */
  *#viewSteps(dataset: Dataset): Generator<void, ViewCache, void> {
    const country = this.groupCountry ?? this.country ?? '';
    const kinds = (this.kinds ?? '').split(/[\s,]+/).filter(Boolean);
    const width = this.width || (isServer ? 0 : this.getBoundingClientRect().width) || 640;
    const key = JSON.stringify([country, kinds, this.from, this.to, this.showContext, width, this.uiLang]);
    if (this.#cache?.key === key && this.#cacheData === dataset) return this.#cache;
    const series = filterTimeline(timelineSeries(dataset, country ? { country } : {}), { from: this.from, to: this.to, kinds });
    const shown: TimelineSeries = this.showContext ? series : { ...series, context: [] };
    const order = [...shown.cases, ...shown.official, ...shown.context].sort(
      (a, b) => compareDates(a.date, b.date) || compareDates(a.end ?? a.date, b.end ?? b.date) || a.id.localeCompare(b.id),
    );
    const domain = {
      from: this.from ? new Date(`${this.from.slice(0, 4)}-01-01T00:00:00Z`) : undefined,
      to: this.to ? new Date(`${Number(this.to.slice(0, 4)) + 1}-01-01T00:00:00Z`) : undefined,
    };
    const svg = yield* timelineSteps(series, { width, lang: this.uiLang, context: this.showContext, measure: this.#measure(), ...domain });
    const sources = new Map(dataset.sources.map((s) => [s.id, s.publisher]));
    this.#cacheData = dataset;
    this.#cache = {
      key,
      series: shown,
      order,
      svg,
      byId: new Map(dataset.events.map((e) => [e.id, e])),
      shownIds: new Set(order.map((e) => e.id)),
      publishers: [...new Set(series.official.flatMap((e) => e.sources.map((id) => sources.get(id) ?? id)))],
    };
    return this.#cache;
  }
  #cacheData?: Dataset;

  /** Text widths in the font the chart is shown in (the page's), so labels are kept apart by what a reader sees. */
  #measure(): ((text: string, size: number) => number) | undefined {
    // A server has no fonts: the drawing estimates widths there.
    if (isServer) return undefined;
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) return undefined;
    const family = getComputedStyle(this).fontFamily || 'sans-serif';
    const widths = new Map<string, number>();
    return (text, size) => {
      const key = `${size} ${text}`;
      let w = widths.get(key);
      if (w === undefined) {
        ctx.font = `${size}px ${family}`;
        widths.set(key, (w = ctx.measureText(text).width));
      }
      return w;
    };
  }

  #where(e: OpsEvent): string {
    if (e.countries?.length) return formatList(e.countries.map((c) => countryName(c, this.uiLang)), this.uiLang);
    return e.region ?? this.t.timeline.worldwide;
  }

  #dateText(e: OpsEvent): string {
    const from = formatDate(e.date, this.uiLang);
    return e.end ? `${from} – ${formatDate(e.end, this.uiLang)}` : from;
  }

  #announce(e: OpsEvent | undefined): string {
    if (!e) return '';
    return `${this.#dateText(e)}: ${this.t.eventKind[e.kind]}. ${headline(this.dataString(eventPath(e.id), e.summary))}`;
  }

  #select(id: string | null): void {
    this.selectedId = id;
    this.select(id ? 'event' : null, id);
  }

  /** Clears the group's selection, here as in the other widgets (which hear it as `id: null`). */
  #showAllCountries(): void {
    this.groupCountry = null;
    this.selectedId = null;
    this.select(null, null);
  }

  #move(order: OpsEvent[], step: number | 'first' | 'last'): void {
    if (!order.length) return;
    const i = order.findIndex((e) => e.id === this.activeId);
    const next =
      step === 'first' ? 0 : step === 'last' ? order.length - 1 : i === -1 ? 0 : Math.min(order.length - 1, Math.max(0, i + step));
    this.activeId = order[next]!.id;
  }

  #onKey(event: KeyboardEvent, order: OpsEvent[]): void {
    const keys: Record<string, number | 'first' | 'last'> = {
      ArrowRight: 1,
      ArrowDown: 1,
      ArrowLeft: -1,
      ArrowUp: -1,
      Home: 'first',
      End: 'last',
    };
    if (event.key in keys) {
      event.preventDefault();
      this.#move(order, keys[event.key]!);
    } else if ((event.key === 'Enter' || event.key === ' ') && this.activeId) {
      event.preventDefault();
      this.#select(this.activeId);
    } else if (event.key === 'Escape') {
      if (this.selectedId) this.#select(null);
      else this.activeId = null;
    }
  }

  #markIds(event: Event): string[] {
    const mark = (event.target as Element).closest?.('.mark');
    return mark?.getAttribute('data-ids')?.split(' ') ?? [];
  }

  protected renderData({ dataset }: LoadedDataset) {
    const t = this.t.timeline;
    const view = this.#view(dataset);
    const { series, order, svg, byId, shownIds, publishers: officialPublishers } = view;
    const country = this.groupCountry ?? this.country;
    const active = this.activeId && shownIds.has(this.activeId) ? byId.get(this.activeId) : undefined;
    const tipId = this.hoverId ?? (this.#chartFocused ? active?.id : undefined);
    const selected = this.selectedId ? byId.get(this.selectedId) : undefined;
    const years = order.length ? [order[0]!.date.slice(0, 4), order.map((e) => (e.end ?? e.date).slice(0, 4)).sort().at(-1)!] : ['', ''];

    return html`
      ${this.plain ? nothing : html`<p part="title" class="title" id="title">${t.title}</p>`}
      <p part="summary" class="summary" id="summary">
        ${t.summary({ cases: series.cases.length, official: series.official.length, context: series.context.length, from: years[0]!, to: years[1]! })}
      </p>
      ${country
        ? html`<p class="filter">
            <span>${t.filteredTo(countryName(country, this.uiLang))}</span>
            ${this.groupCountry
              ? html`<button type="button" @click=${() => this.#showAllCountries()}>${t.showAllCountries}</button>`
              : nothing}
          </p>`
        : nothing}
      <div part="controls" class="controls">
        <label
          ><input type="checkbox" .checked=${this.showContext} @change=${(e: Event) => (this.showContext = (e.target as HTMLInputElement).checked)} />
          ${t.showContext}</label
        >
        <button type="button" aria-expanded=${this.showTable ? 'true' : 'false'} aria-controls="events-table" @click=${() => (this.showTable = !this.showTable)}>
          ${this.showTable ? t.hideTable : t.showTable}
        </button>
      </div>
      ${this.#legend(series)}
      ${order.length
        ? html`<div
            part="chart"
            class="plot"
            tabindex="0"
            role="group"
            aria-label=${t.chartName}
            aria-describedby="summary hint"
            @keydown=${(e: KeyboardEvent) => this.#onKey(e, order)}
            @focus=${() => {
              this.#chartFocused = true;
              if (!this.activeId || !shownIds.has(this.activeId)) this.activeId = this.selectedId && shownIds.has(this.selectedId) ? this.selectedId : order[0]!.id;
              this.requestUpdate();
            }}
            @blur=${() => {
              this.#chartFocused = false;
              this.requestUpdate();
            }}
            @pointermove=${(e: PointerEvent) => {
              const id = this.#markIds(e)[0] ?? null;
              if (id !== this.hoverId) this.hoverId = id;
            }}
            @pointerleave=${() => (this.hoverId = null)}
            @click=${(e: MouseEvent) => {
              const ids = this.#markIds(e);
              if (ids.length) {
                this.activeId = ids[0]!;
                this.#select(ids[0]!);
              }
            }}
          >
            ${isServer ? unsafeHTML(svg.outerHTML) : svg} ${tipId ? this.#tooltip(svg, tipId, byId) : nothing}
          </div>`
        : html`<p class="empty">${t.noEvents}</p>`}
      <p id="hint" class="visually-hidden">${t.keyHint}</p>
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#chartFocused ? this.#announce(active) : ''}</p>
      ${series.official.length && officialPublishers.length
        ? html`<p class="official-note">
            ${t.officialNote(
              formatList(officialPublishers.length > 5 ? [...officialPublishers.slice(0, 4), t.more(officialPublishers.length - 4)] : officialPublishers, this.uiLang),
            )}
          </p>`
        : nothing}
      ${selected ? this.#selectedPanel(selected) : nothing}
      ${this.showTable ? this.#table(order) : nothing}
    `;
  }

  #legend(series: TimelineSeries) {
    const t = this.t.timeline;
    return html`<ul part="legend" class="legend" role="list">
      <li><svg width="12" height="12" aria-hidden="true" class="case"><circle cx="6" cy="6" r="5"></circle></svg>${t.legendDay}</li>
      <li>
        <svg width="22" height="12" aria-hidden="true" class="case"><rect x="1" y="1" width="20" height="10" rx="3"></rect></svg>${t.legendSpan}
      </li>
      ${series.official.length
        ? html`<li>
              <svg width="12" height="12" aria-hidden="true" class="bar"><rect x="0" y="0" width="12" height="12"></rect></svg>${t.officialClaim}
            </li>
            <li>
              <svg width="12" height="12" aria-hidden="true" class="official other"><rect x="1" y="1" width="10" height="10" rx="3"></rect></svg>${t.legendOther}
            </li>
            <li>
              <svg width="12" height="12" aria-hidden="true" class="bar partial"><rect x="0" y="0" width="12" height="12"></rect></svg
              >* ${t.partial}
            </li>`
        : nothing}
      ${this.showContext
        ? html`<li><svg width="12" height="12" aria-hidden="true" class="ctx"><circle cx="6" cy="6" r="4"></circle></svg>${t.contextTrack}</li>`
        : nothing}
    </ul>`;
  }

  #tooltip(svg: SVGSVGElement, id: string, byId: Map<string, OpsEvent>) {
    const e = byId.get(id);
    const mark = svg.querySelector(`[data-ids~="${CSS.escape(id)}"]`);
    if (!e || !mark) return nothing;
    const x = Number(mark.getAttribute('data-x'));
    const y = Number(mark.getAttribute('data-y'));
    const w = Number(svg.getAttribute('width'));
    const group = mark.getAttribute('data-ids')!.split(' ');
    // Opens towards the side with more room, so it never runs off the chart.
    const side = x > w / 2 ? { 'inset-inline-end': `${Math.max(0, w - x - 8)}px` } : { 'inset-inline-start': `${Math.max(0, x - 8)}px` };
    const official = e.official;
    // cssProps sets properties through CSSOM, which a strict CSP allows (a style="" attribute it blocks).
    return html`<div part="tooltip" style=${cssProps({ ...side, 'inset-block-start': `${y + 14}px` })}>
      <p class="tip-head">${this.#dateText(e)} · ${this.t.eventKind[e.kind]} · ${this.#where(e)}</p>
      ${official ? html`<p class="tip-official">${this.t.timeline.officialClaim}${this.#shapeNote(e)}</p>` : nothing}
      ${e.people !== undefined ? html`<p>${this.t.timeline.people(formatNumber(e.people, this.uiLang))}</p>` : nothing}
      <p lang=${this.dataLangOf(eventPath(e.id))}>${this.dataString(eventPath(e.id), e.summary)}</p>
      ${group.length > 1 ? html`<p class="tip-more">${this.t.timeline.events(group.length)}</p>` : nothing}
    </div>`;
  }

  #shapeNote(e: OpsEvent): string {
    const shape = officialShape(e);
    if (shape === 'partial') return ` · ${this.t.timeline.partial}`;
    if (shape === 'as-of') return ` · ${this.t.timeline.asOf(formatDate(e.date, this.uiLang))}`;
    return '';
  }

  #selectedPanel(e: OpsEvent) {
    const t = this.t.timeline;
    return html`<section part="selected" class="selected" aria-labelledby="selected-title">
      <div class="selected-head">
        <h3 id="selected-title">${this.#dateText(e)} · ${this.t.eventKind[e.kind]} · ${this.#where(e)}</h3>
        <button type="button" @click=${() => this.#select(null)}>${t.close}</button>
      </div>
      ${e.official ? html`<p class="tip-official">${t.officialClaim}${this.#shapeNote(e)}</p>` : nothing}
      ${e.people !== undefined ? html`<p>${t.people(formatNumber(e.people, this.uiLang))}</p>` : nothing}
      <p>${this.dataText(eventPath(e.id), e.summary)}</p>
      <ops-source-card
        for=${e.id}
        src=${this.src ?? nothing}
        .data=${this.data}
        lang=${this.uiLang}
        theme=${this.theme}
        plain
        aria-label=${t.selectedSources}
      ></ops-source-card>
    </section>`;
  }

  #table(order: OpsEvent[]) {
    const t = this.t.timeline;
    return html`<div class="table-wrap">
      <table part="table" id="events-table">
        <caption class="visually-hidden">${t.chartName}</caption>
        <thead>
          <tr>
            <th scope="col">${t.col.date}</th>
            <th scope="col">${t.col.kind}</th>
            <th scope="col">${t.col.where}</th>
            <th scope="col">${t.col.people}</th>
            <th scope="col">${t.col.summary}</th>
          </tr>
        </thead>
        <tbody>
          ${order.map(
            (e) => html`<tr data-id=${e.id}>
              <td>${this.#dateText(e)}</td>
              <td>${this.t.eventKind[e.kind]}${e.official ? html`<br /><strong>${t.officialClaim}</strong>${this.#shapeNote(e)}` : nothing}</td>
              <td>${this.#where(e)}</td>
              <td class="num">${e.people !== undefined ? formatNumber(e.people, this.uiLang) : ''}</td>
              <td>${this.dataText(eventPath(e.id), e.summary)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override updated(changed: Map<string, unknown>): void {
    super.updated(changed);
    const svg = this.#cache?.svg;
    if (!svg) return;
    // Highlight marks without redrawing: the drawing is cached, only classes change.
    for (const cls of ['active', 'selected'] as const) {
      const id = cls === 'active' ? (this.#chartFocused ? this.activeId : null) : this.selectedId;
      svg.querySelectorAll(`.mark.${cls}`).forEach((m) => m.classList.remove(cls));
      if (id) svg.querySelector(`[data-ids~="${CSS.escape(id)}"]`)?.classList.add(cls);
    }
  }
}
