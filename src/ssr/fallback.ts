/**
 * What a server-rendered widget says in its light DOM: feed readers, e-mail clients and
 * "reader modes" drop declarative shadow DOM (and scripts), so the tag's own children are all
 * they show. Plain HTML with the facts in words, each list as short as the widget's default view,
 * and the credit with its link. A browser that renders the shadow root never shows it (the
 * widgets' shadow roots have no slot for it, but the error state's, where it stands in for them).
 */
import type { ElementName } from '../elements.js';
import { TEXT } from '../elements.js';
import type { Dataset } from '../data/schema.js';
import { countryRows, findSource, sourcesFor, timelineSeries } from '../data/selectors.js';
import { headline } from '../components/repatriation-timeline/repatriation-timeline.js';
import { summaryOf } from '../components/station-map/panels.js';
import { MAP_STRINGS } from '../components/station-map/strings.js';
import { countryName, formatDate, formatNumber, type UiLang } from '../shared/intl.js';
import { elementStrings, sharedStrings } from '../shared/strings.js';
import { safeHttpUrl } from '../shared/safe-url.js';

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Rows a table shows before "Show all" (the widget's own default). */
const ROWS = 10;

function link(url: string | undefined, text: string): string {
  const href = safeHttpUrl(url);
  return href ? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

function sourceLine(dataset: Dataset, id: string, lang: UiLang): string {
  const s = findSource(dataset, id);
  if (!s) return '';
  return `${escapeHtml(s.publisher)}, ${link(s.url, s.title)} (${escapeHtml(formatDate(s.date, lang))})`;
}

function body(name: ElementName, dataset: Dataset, attributes: Record<string, string>, lang: UiLang): string {
  switch (name) {
    case 'station-map':
      return `<p>${escapeHtml(summaryOf(dataset, elementStrings(lang, 'map', MAP_STRINGS), lang))}</p>`;
    case 'country-table': {
      const rows = countryRows(dataset).filter((r) => r.stations.length);
      const shown = rows.slice(0, Number(attributes.rows) || ROWS);
      return (
        `<table><thead><tr><th>Country</th><th>Stations reported</th></tr></thead><tbody>` +
        shown.map((r) => `<tr><td>${escapeHtml(countryName(r.code, lang))}</td><td>${formatNumber(r.stations.length, lang)}</td></tr>`).join('') +
        `</tbody></table>` +
        (rows.length > shown.length ? `<p>${rows.length - shown.length} more countries in the data.</p>` : '')
      );
    }
    case 'repatriation-timeline': {
      const cases = timelineSeries(dataset, attributes.country ? { country: attributes.country } : {}).cases;
      return `<ul>${cases.map((e) => `<li>${escapeHtml(formatDate(e.date, lang))}: ${escapeHtml(headline(e.summary))}</li>`).join('')}</ul>`;
    }
    case 'source-card': {
      const ids = attributes.source ? [attributes.source] : attributes.for ? sourcesFor(dataset, attributes.for).map((s) => s.id) : [];
      return ids.length ? `<ul>${ids.map((id) => `<li>${sourceLine(dataset, id, lang)}</li>`).join('')}</ul>` : '';
    }
  }
}

/** The light-DOM fallback of a widget rendered on a server. */
export function fallbackHtml(name: ElementName, dataset: Dataset, attributes: Record<string, string>, lang: UiLang): string {
  const t = sharedStrings(lang);
  const credit = `${escapeHtml(t.credit.source)}${escapeHtml(dataset.meta.credit)} · ${link(dataset.meta.methodologyUrl, t.credit.methodology)}`;
  return `<p><strong>${escapeHtml(TEXT[name].title)}</strong></p>${body(name, dataset, attributes, lang)}<p><small>${credit}</small></p>`;
}
