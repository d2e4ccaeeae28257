import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LoadedDataset } from '../../data/load.js';
import type { Source } from '../../data/schema.js';
import { findSource, sourcesFor } from '../../data/selectors.js';
import type { OpsSelectDetail } from '../../shared/events.js';
import { formatDate } from '../../shared/intl.js';
import { OpsElement } from '../../shared/ops-element.js';
import { elementStrings, type ElementStrings } from '../../shared/strings.js';
import { externalLink } from '../../shared/external-link.js';
import { safeHttpUrl } from '../../shared/safe-url.js';
import { accessView } from './access.js';
import { sourceCardStyles } from './source-card.styles.js';
import { CARD_STRINGS, type CardStrings } from './strings.js';

/**
 * One source — publisher, title, date, kind, link, excerpt — or every source
 * behind a station, event or country.
 *
 * With neither `source` nor `for`, and a `group`, it shows the sources of
 * whatever is selected in that group.
 *
 * @element ops-source-card
 * @summary A source, or all sources behind one record, with its kind and any note on its reliability.
 *
 * @attr source - Id of one source to show.
 * @attr for - Id of a station or event, or a country code: shows every source behind it.
 * @attr src - Dataset URL (default: the dataset shipped beside the script).
 * @attr lang - UI language (`en`, `fr`, `it`, `es`, `nl`, `de`, `pt-BR`, `pt-PT`, `ja`, `ko`, `zh-Hans`, `zh-Hant`; regional tags such as `fr-CA` resolve); inherited from the closest `[lang]`.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr plain - Hides the credit line.
 * @attr group - Follows selections made in widgets of the same group.
 *
 * @csspart card - One source.
 * @csspart badge - The source's kind (NGO report, news, Chinese official…).
 * @csspart access - How the source was read: original, wire or syndicated copy, official record, copy read elsewhere.
 * @csspart access-note - One sentence for readers on a copy: where it was read and what that means.
 * @csspart title - The source's title, a link when its URL is http(s).
 * @csspart excerpt - A quoted excerpt, when the dataset has one.
 * @csspart reliability - The dataset's note on a partisan or secondary source.
 * @csspart credit - The credit line.
 * @csspart error - The message shown when the data cannot be used.
 * @csspart loading - The placeholder shown while the data loads (7rem tall; set `--ops-height`).
 *
 * @cssprop --ops-accent - Links and highlights.
 * @cssprop --ops-text - Text colour.
 * @cssprop --ops-muted - Secondary text colour.
 * @cssprop --ops-surface - Background.
 * @cssprop --ops-border - Borders and rules.
 * @cssprop --ops-font-family - Font (default: the page's).
 * @cssprop --ops-height - Height reserved while loading.
 */
export class OpsSourceCard extends OpsElement {
  static override styles = [...OpsElement.styles, sourceCardStyles];
  // A source's title and excerpt are the source's own words: no translation to download for them.
  protected static override printsDataText = false;

  @property() source: string | undefined;
  @property() for: string | undefined;
  /** The record selected in this card's group, used when neither `source` nor `for` is set. */
  @state() protected selected: string | null = null;

  protected override get t(): ElementStrings<'card', CardStrings> {
    return elementStrings(this.uiLang, 'card', CARD_STRINGS);
  }

  protected override applySelection(detail: OpsSelectDetail): void {
    // A source selection names no record to list sources for; keep what is shown.
    if (detail.kind !== 'source') this.selected = detail.id;
  }

  protected renderData({ dataset }: LoadedDataset) {
    const t = this.t.card;
    if (this.source) {
      const source = findSource(dataset, this.source);
      return source ? this.renderCard(source) : html`<p class="note">${t.unknownSource(this.source)}</p>`;
    }
    const recordId = this.for || this.selected;
    if (!recordId) return html`<p class="note">${t.prompt}</p>`;
    const sources = sourcesFor(dataset, recordId);
    if (!sources.length) return html`<p class="note">${t.none}</p>`;
    return html`<p class="count">${t.sourcesFor(sources.length)}</p>
      <ul role="list">
        ${sources.map((s) => html`<li>${this.renderCard(s)}</li>`)}
      </ul>`;
  }

  protected renderCard(source: Source) {
    const t = this.t;
    const url = safeHttpUrl(source.url);
    const readVia = safeHttpUrl(source.readVia);
    const archive = safeHttpUrl(source.archiveUrl);
    const how = accessView(source, this.t.card.access);
    const link = (href: string | undefined, text: string) => (href ? externalLink(href, text) : text);
    return html`<article part="card" class="kind-${source.kind}" lang=${source.language ?? nothing}>
      <div class="meta" lang=${this.uiLang}>
        <span part="badge">${t.sourceKind[source.kind]}</span>
        <span part="access" class="access-${how.access}">${how.label}</span>
        <span class="publisher" lang=${source.language ?? nothing}>${source.publisher}</span>
        <time datetime=${source.date}>${formatDate(source.date, this.uiLang)}</time>
      </div>
      <p part="title">
        ${link(url, how.title)}${how.described
          ? html` <span class="described" lang=${this.uiLang}>${this.t.card.access.headlineUnknown}</span>`
          : nothing}
      </p>
      ${url ? nothing : html`<p class="links">${source.url}</p>`}
      ${how.note ? html`<p part="access-note" lang=${this.uiLang}>${how.note}</p>` : nothing}
      ${source.excerpt ? html`<blockquote part="excerpt">${source.excerpt}</blockquote>` : nothing}
      ${source.reliability
        ? html`<p part="reliability" lang="en"><strong lang=${this.uiLang}>${t.card.reliability}:</strong> ${source.reliability}</p>`
        : nothing}
      ${readVia || archive
        ? html`<p class="links" lang=${this.uiLang}>
            ${readVia ? html`${t.card.readVia}: ${link(readVia, new URL(readVia).hostname)}` : nothing}
            ${readVia && archive ? ' · ' : nothing}${archive ? link(archive, t.card.archived) : nothing}
          </p>`
        : nothing}
    </article>`;
  }
}
