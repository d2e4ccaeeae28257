/**
 * The SVG preview (drawn at once, before and instead of MapLibre) and what its markers say
 * in words: the same labels name MapLibre's markers for screen readers.
 */
import { html, nothing, svg } from 'lit';
import type { Station } from '../../data/schema.js';
import { cssProps } from '../../shared/css-props.js';
import { countryName, formatList, type UiLang } from '../../shared/intl.js';
import { bureauName } from '../../shared/strings.js';
import { badgeSize, markerRadius, markerScale, unitTransform, type Cluster } from './geo.js';
import type { MapText } from './strings.js';
import {
  badgeKey,
  bureauClass,
  markerByKey,
  outlinePaths,
  previewClusters,
  projectionOf,
  type Badge,
  type View,
} from './view.js';

export function placeOf(s: Station, t: MapText): string {
  return s.city || t.map.unknownCity;
}

/** Up to four place names, then "…". */
export function placesOf(stations: Station[], t: MapText, lang: UiLang): string {
  const names = [...new Set(stations.map((s) => placeOf(s, t)))];
  const shown = names.slice(0, 4);
  return formatList(names.length > 4 ? [...shown, '…'] : shown, lang);
}

export function clusterLabel(view: View, c: Cluster, t: MapText, lang: UiLang): string {
  const one = c.stations.length === 1 ? c.stations[0]! : undefined;
  return one
    ? t.map.stationLabel(placeOf(one, t), countryName(one.country, lang), bureauName(view.dataset, one.bureau, lang))
    : t.map.clusterLabel(c.stations.length, placesOf(c.stations, t, lang));
}

export function badgeLabel(b: Badge, t: MapText, lang: UiLang): string {
  return t.map.badgeLabel(b.stations.length, countryName(b.code, lang));
}

/** What a marker is, in words, by its key (a cluster at some level, or a country badge). */
export function labelForKey(view: View, key: string, t: MapText, lang: UiLang): string {
  const marker = markerByKey(view, key);
  if (marker.badge) return badgeLabel(marker.badge, t, lang);
  return marker.cluster ? clusterLabel(view, marker.cluster, t, lang) : '';
}

/** Keys of the preview's markers in the order they are drawn (badges first: clusters draw over them). */
export function previewKeys(view: View, size: [number, number]): string[] {
  return [...previewClusters(view, size).map((c) => c.key), ...view.badges.map(badgeKey)];
}

export interface PreviewInput {
  view: View;
  size: [number, number];
  t: MapText;
  lang: UiLang;
  selectedKeys: string[];
  selectedCountry: string | undefined;
  /** The marker that takes the Tab stop (roving tabindex). */
  focusKey: string | null;
  onCluster(c: Cluster): void;
  onBadge(b: Badge): void;
  onFocus(key: string): void;
  onKeydown(e: KeyboardEvent): void;
}

/** The preview: outlines, then badges, then clusters (drawn over the badges). */
export function renderPreview(p: PreviewInput) {
  const { view, t, lang } = p;
  const [w, h] = p.size;
  const projection = projectionOf(view, p.size);
  const paths = outlinePaths(view.geo);
  const clusters = previewClusters(view, p.size);
  const selected = new Set(p.selectedKeys);
  const items = previewKeys(view, p.size);
  const focusKey = p.focusKey && items.includes(p.focusKey) ? p.focusKey : items[0];
  const scale = markerScale(w);
  return html`<svg viewBox="0 0 ${w} ${h}" style=${cssProps({ '--_marker-font': `${Math.round(11 * scale)}px` })} role="group" aria-label=${t.map.previewHint} @keydown=${p.onKeydown}>
    <rect class="water" width=${w} height=${h}></rect>
    <g aria-hidden="true" transform=${unitTransform(projection)}>
      ${view.geo.countries.features.map(
        (f, i) => svg`<path class="country ${view.hosts.has(f.id as string) ? 'host' : ''} ${
          f.id !== undefined && (f.id === p.selectedCountry || f.id === view.focus?.id) ? 'focus' : ''
        }" d=${paths[i]!}></path>`,
      )}
    </g>
    ${view.badges.map((b) => {
      const [x, y] = projection([b.lon, b.lat])!;
      const key = badgeKey(b);
      const label = String(b.stations.length);
      const [tw, th] = badgeSize(label.length, scale);
      return svg`<g class="badge ${selected.has(key) ? 'selected' : ''}" role="button"
        tabindex=${key === focusKey ? 0 : -1} data-key=${key} data-x=${x} data-y=${y}
        aria-label=${badgeLabel(b, t, lang)}
        @click=${() => p.onBadge(b)} @focus=${() => p.onFocus(key)}>
        <title>${badgeLabel(b, t, lang)}</title>
        <rect x=${x - tw / 2} y=${y - th / 2} width=${tw} height=${th} rx="3"></rect>
        <text x=${x} y=${y}>${label}</text>
      </g>`;
    })}
    ${clusters.map((c) => {
      const [x, y] = projection([c.lon, c.lat])!;
      const n = c.stations.length;
      const one = n === 1 ? c.stations[0]! : undefined;
      const label = clusterLabel(view, c, t, lang);
      const isSelected = selected.has(c.key) || c.stations.some((s) => selected.has(`station:${s.id}`));
      return svg`<g class="cluster ${one ? 'one' : 'many'} ${isSelected ? 'selected' : ''}" role="button"
        tabindex=${c.key === focusKey ? 0 : -1} data-key=${c.key} data-count=${n} data-x=${x} data-y=${y}
        aria-label=${label} @click=${() => p.onCluster(c)} @focus=${() => p.onFocus(c.key)}>
        <title>${label}</title>
        <circle class=${one ? bureauClass(view.bureauIndex.get(one.bureau)) : ''} cx=${x} cy=${y} r=${markerRadius(n, scale)}></circle>
        ${one ? nothing : svg`<text x=${x} y=${y}>${n}</text>`}
      </g>`;
    })}
  </svg>`;
}
