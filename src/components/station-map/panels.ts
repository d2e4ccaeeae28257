/**
 * The map's text around the map: summary, filter note, legend, the details of what is selected
 * and the list of stations by country (the map's text alternative). Templates only: what to
 * show comes from the view, what a click does from the element.
 */
import { html, nothing } from 'lit';
import type { Dataset, Station } from '../../data/schema.js';
import { countryRows, coverage } from '../../data/selectors.js';
import { compareText, countryName, formatDate, formatList, type UiLang } from '../../shared/intl.js';
import { bureauName, reportName } from '../../shared/strings.js';
import type { MapText } from './strings.js';
import { placeOf } from './preview.js';
import { bureauClass, type Selected, type View } from './view.js';

export interface PanelInput {
  view: View;
  t: MapText;
  lang: UiLang;
  theme: string;
  /** A station's notes as the element prints dataset text (translated and marked, or English). */
  notes(s: Station & { notes: string }): unknown;
}

/** The one-sentence summary generated from the data (the whole dataset, not the filtered view). */
export function summaryOf(dataset: Dataset, t: MapText, lang: UiLang): string {
  const c = coverage(dataset);
  const rows = countryRows(dataset).filter((r) => r.stations.length);
  // The largest numbers: up to three countries, none tied with a country left out.
  const cut = rows[3]?.stations.length ?? 0;
  const top = rows.filter((r) => r.stations.length > cut).slice(0, 3);
  const list = formatList(
    top.map((r) => `${countryName(r.code, lang)} (${r.stations.length})`),
    lang,
    'long',
  );
  let listed;
  if (c.total && c.report) listed = { listed: c.listed, total: c.total.stations, report: reportName(c.report, lang) };
  return t.map.summary({
    stations: c.stations,
    countries: c.countries,
    listed,
    top: top.length && rows.length > 1 ? list : '',
    unlocated: dataset.stations.filter((s) => !s.location).length,
  });
}

export function renderFilterNote({ view, t, lang }: PanelInput) {
  if (!view.country && !view.bureau) return nothing;
  const parts = [
    view.country ? countryName(view.country.toUpperCase(), lang) : '',
    view.bureau ? `${t.bureau}: ${bureauName(view.dataset, view.bureau, lang)}` : '',
  ].filter(Boolean);
  return html`<p class="filtered">${t.map.filtered(view.stations.length, view.dataset.stations.length, parts.join(' · '))}</p>`;
}

export function renderLegend({ view, t, lang }: PanelInput) {
  const counts = new Map<string, number>();
  for (const s of view.stations) counts.set(s.bureau, (counts.get(s.bureau) ?? 0) + 1);
  const ids = [...counts.keys()].sort(
    (a, b) => Number(a === 'unknown') - Number(b === 'unknown') || (view.bureauIndex.get(a) ?? 99) - (view.bureauIndex.get(b) ?? 99),
  );
  return html`<ul part="legend" aria-label=${t.map.legend}>
    <li class="legend-title" aria-hidden="true">${t.map.legend}:</li>
    ${ids.map(
      (id) => html`<li>
        <span class="swatch ${bureauClass(view.bureauIndex.get(id))}" aria-hidden="true"></span>${bureauName(view.dataset, id, lang)}
        (${counts.get(id)})
      </li>`,
    )}
    <li><span class="swatch many" aria-hidden="true"></span>${t.map.cluster}</li>
    <li><span class="swatch host" aria-hidden="true"></span>${t.map.hostCountry}</li>
    ${view.badges.length ? html`<li><span class="swatch unlocated" aria-hidden="true"></span>${t.map.notLocatedLong}</li>` : nothing}
  </ul>`;
}

function sourceCard(id: string, p: PanelInput) {
  return html`<ops-source-card for=${id} .data=${p.view.dataset} plain lang=${p.lang} theme=${p.theme}></ops-source-card>`;
}

function stationFacts(s: Station, { view, t, lang, notes }: PanelInput) {
  return html`<dl>
    <dt>${t.country}</dt>
    <dd>${countryName(s.country, lang)}</dd>
    <dt>${t.city}</dt>
    <dd>${s.city || t.map.unknownCity}</dd>
    <dt>${t.map.location}</dt>
    <dd>${s.location ? t.map.locationPrecision[s.location.precision] : t.map.locationPrecision.country}</dd>
    <dt>${t.bureau}</dt>
    <dd>${bureauName(view.dataset, s.bureau, lang)}</dd>
    <dt>${t.map.status}</dt>
    <dd>${t.status[s.status]}${s.statusDate ? html` (${formatDate(s.statusDate, lang)})` : nothing}</dd>
    ${s.firstReported ? html`<dt>${t.map.firstReported}</dt><dd>${formatDate(s.firstReported, lang)}</dd>` : nothing}
    ${s.notes ? html`<dt>${t.map.notes}</dt><dd>${notes(s as Station & { notes: string })}</dd>` : nothing}
  </dl>`;
}

function stationButtons(stations: Station[], p: PanelInput, onStation: (s: Station) => void) {
  const { view, t, lang } = p;
  return html`<ul class="station-list" role="list">
    ${stations.map(
      (s) => html`<li>
        <button type="button" class="station-button" @click=${() => onStation(s)}>
          <span class="swatch ${bureauClass(view.bureauIndex.get(s.bureau))}" aria-hidden="true"></span>${placeOf(s, t)},
          ${countryName(s.country, lang)} · ${bureauName(view.dataset, s.bureau, lang)} · ${t.status[s.status]}
        </button>
      </li>`,
    )}
  </ul>`;
}

/** The selected station (facts and sources), cluster (its stations) or country (its stations, located first). */
export function renderDetails(p: PanelInput, sel: Selected, on: { station(s: Station): void; close(): void }) {
  const { view, t, lang } = p;
  const dataset = view.dataset;
  let title: string;
  let body;
  if (sel.kind === 'station') {
    const s = dataset.stations.find((x) => x.id === sel.id);
    if (!s) return nothing;
    title = `${placeOf(s, t)}, ${countryName(s.country, lang)}`;
    body = html`${stationFacts(s, p)} ${sourceCard(s.id, p)}`;
  } else if (sel.kind === 'cluster') {
    const stations = sel.ids.map((id) => dataset.stations.find((s) => s.id === id)).filter((s): s is Station => !!s);
    title = t.map.inCluster(stations.length);
    body = stationButtons(stations, p, on.station);
  } else {
    const stations = view.stations.filter((s) => s.country === sel.code);
    const unlocated = stations.filter((s) => !s.location);
    title = `${countryName(sel.code, lang)}: ${t.map.stations(stations.length)}`;
    body = html`${unlocated.length ? html`<p class="note">${t.map.unlocatedIn(countryName(sel.code, lang))}: ${unlocated.length}</p>` : nothing}
      ${stationButtons([...stations.filter((s) => s.location), ...unlocated], p, on.station)}`;
  }
  return html`<section part="details" aria-label=${title}>
    <div class="details-head">
      <p class="details-title">${title}</p>
      <button type="button" class="close" aria-label=${t.map.close} title=${t.map.close} @click=${on.close}>×</button>
    </div>
    ${body}
  </section>`;
}

/**
 * Every station by country. A station's source cards are rendered only while its `<details>`
 * is open (`openSources`): a card per station would build hundreds of elements nobody opened.
 */
export function renderList(p: PanelInput, openSources: ReadonlySet<string>, onToggle: (id: string, open: boolean) => void) {
  const { view, t, lang } = p;
  const dataset = view.dataset;
  const compareNames = compareText(lang);
  const rows = countryRows({ ...dataset, stations: view.stations }).filter((r) => r.stations.length);
  return html`<div part="list" id="list" role="region" aria-label=${t.map.listLabel}>
    ${rows.map((r) => {
      const stations = [...r.stations].sort(
        (a, b) => Number(!a.location) - Number(!b.location) || compareNames(a.city ?? '', b.city ?? ''),
      );
      return html`<section data-country=${r.code}>
        <h3>${countryName(r.code, lang)} (${stations.length})</h3>
        <ul class="stations">
          ${stations.map(
            (s) => html`<li data-station=${s.id}>
              <p class="line">
                <span class="swatch ${bureauClass(view.bureauIndex.get(s.bureau))}" aria-hidden="true"></span>
                <strong>${placeOf(s, t)}</strong> · ${t.bureau}: ${bureauName(dataset, s.bureau, lang)} ·
                ${t.status[s.status]}${s.statusDate ? html` (${formatDate(s.statusDate, lang)})` : nothing}${s.firstReported
                  ? html` · ${t.map.firstReported}: ${formatDate(s.firstReported, lang)}`
                  : nothing}
              </p>
              ${s.notes ? html`<p class="notes">${p.notes(s as Station & { notes: string })}</p>` : nothing}
              <details @toggle=${(e: Event) => onToggle(s.id, (e.target as HTMLDetailsElement).open)}>
                <summary>${t.map.showSources(s.sources.length)}</summary>
                ${openSources.has(s.id) ? sourceCard(s.id, p) : nothing}
              </details>
            </li>`,
          )}
        </ul>
      </section>`;
    })}
  </div>`;
}
