/**
 * The SVG preview (drawn at once, before and instead of MapLibre) and what its markers say
 * in words: the same labels name MapLibre's markers for screen readers.
 */
import { html, svg } from 'lit';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import type { Station } from '../../data/schema.js';
import { countryName, formatList, type UiLang } from '../../shared/intl.js';
import { bureauName } from '../../shared/strings.js';
import { BADGE_BOX, badgeSize, hitRadius, markerRadius, RING, unitTransform, type Cluster } from './geo.js';
import type { MapText } from './strings.js';
import {
  badgeKey,
  bureauClass,
  bureauMix,
  markerByKey,
  outlineGroups,
  previewMarkers,
  projectionOf,
  type Badge,
  type Region,
  type View,
} from './view.js';

/**
 * An SVG <title> with text in it, as markup: server rendering (@lit-labs/ssr) parses <title> as
 * HTML's raw-text element and cannot find a binding inside it.
 */
const titleOf = (text: string) => unsafeSVG(`<title>${text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</title>`);

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
    : t.map.clusterLabel(c.stations.length, placesOf(c.stations, t, lang), bureausOf(view, c.stations, lang));
}

/** A cluster's bureaus with their counts, in the ring's order: what the ring shows, in words. */
function bureausOf(view: View, stations: Station[], lang: UiLang): string {
  const counts = new Map<string, number>();
  for (const s of stations) counts.set(s.bureau, (counts.get(s.bureau) ?? 0) + 1);
  const ids = [...counts.keys()].sort(
    (a, b) => Number(a === 'unknown') - Number(b === 'unknown') || (view.bureauIndex.get(a) ?? 99) - (view.bureauIndex.get(b) ?? 99),
  );
  return formatList(ids.map((id) => `${bureauName(view.dataset, id, lang)} ${counts.get(id)}`), lang);
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

/** The preview's markers that lie inside its box (a regional view leaves the rest out, and out of the keyboard's way). */
function shownMarkers(view: View, size: [number, number], region: Region) {
  const projection = projectionOf(view, size, region);
  const [w, h] = size;
  const inBox = (lon: number, lat: number) => {
    const [x, y] = projection([lon, lat])!;
    return x >= 0 && y >= 0 && x <= w && y <= h;
  };
  const { clusters, badges } = previewMarkers(view, size, region);
  return { projection, clusters: clusters.filter((c) => inBox(c.lon, c.lat)), badges: badges.filter((b) => inBox(b.lon, b.lat)) };
}

/** Keys of the preview's markers in the order they are drawn. */
export function previewKeys(view: View, size: [number, number], region: Region = 'world'): string[] {
  const { clusters, badges } = shownMarkers(view, size, region);
  return [...clusters.map((c) => c.key), ...badges.map(badgeKey)];
}

export interface PreviewInput {
  view: View;
  size: [number, number];
  region: Region;
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

/**
 * A cluster: a disc with its count inside a ring divided by bureau (each arc as long as its
 * share; unknown in grey), on a halo of the surface colour that keeps it apart from the land.
 */
function clusterShapes(view: View, c: Cluster, x: number, y: number) {
  const n = c.stations.length;
  const r = markerRadius(n);
  if (n === 1) {
    return svg`<circle class="dot ${bureauClass(view.bureauIndex.get(c.stations[0]!.bureau))}" cx=${x} cy=${y} r=${r}></circle>`;
  }
  let offset = 0;
  const arcs = bureauMix(view, c.stations).map(([cls, count]) => {
    const share = (100 * count) / n;
    const arc = svg`<circle class="arc ${cls}" cx=${x} cy=${y} r=${r - RING / 2 - 1} pathLength="100"
      stroke-dasharray="${share} ${100 - share}" stroke-dashoffset=${25 - offset}></circle>`;
    offset += share;
    return arc;
  });
  return svg`<circle class="halo" cx=${x} cy=${y} r=${r}></circle>${arcs}
    <circle class="disc" cx=${x} cy=${y} r=${r - RING - 2}></circle><text x=${x} y=${y}>${n}</text>`;
}

/** The preview: outlines, then clusters, then badges (markers never overlap, so the order is only the keyboard's). */
export function renderPreview(p: PreviewInput) {
  const { view, t, lang } = p;
  const [w, h] = p.size;
  const { projection, clusters, badges } = shownMarkers(view, p.size, p.region);
  const outlines = outlineGroups(view, p.selectedCountry);
  const selected = new Set(p.selectedKeys);
  const items = [...clusters.map((c) => c.key), ...badges.map(badgeKey)];
  const focusKey = p.focusKey && items.includes(p.focusKey) ? p.focusKey : items[0];
  return html`<svg viewBox="0 0 ${w} ${h}" role="group" aria-label=${t.map.previewHint} @keydown=${p.onKeydown}>
    <rect class="water" width=${w} height=${h}></rect>
    <g aria-hidden="true" transform=${unitTransform(projection)}>
      <path class="country" d=${outlines.land}></path>
      <path class="country host" d=${outlines.host}></path>
      ${outlines.focus.map((f) => svg`<path class="country ${f.host ? 'host' : ''} focus" data-code=${f.code} d=${f.d}></path>`)}
    </g>
    ${clusters.map((c) => {
      const [x, y] = projection([c.lon, c.lat])!;
      const n = c.stations.length;
      const label = clusterLabel(view, c, t, lang);
      const isSelected = selected.has(c.key) || c.stations.some((s) => selected.has(`station:${s.id}`));
      return svg`<g class="cluster ${n === 1 ? 'one' : 'many'} ${isSelected ? 'selected' : ''}" role="button"
        tabindex=${c.key === focusKey ? 0 : -1} data-key=${c.key} data-count=${n} data-x=${x} data-y=${y}
        aria-label=${label} @click=${() => p.onCluster(c)} @focus=${() => p.onFocus(c.key)}>
        ${titleOf(label)}
        <circle class="hit" cx=${x} cy=${y} r=${hitRadius(n)}></circle>
        ${clusterShapes(view, c, x, y)}
      </g>`;
    })}
    ${badges.map((b) => {
      const [x, y] = projection([b.lon, b.lat])!;
      const key = badgeKey(b);
      const label = String(b.stations.length);
      const [tw, th] = badgeSize(label.length);
      return svg`<g class="badge ${selected.has(key) ? 'selected' : ''}" role="button"
        tabindex=${key === focusKey ? 0 : -1} data-key=${key} data-x=${x} data-y=${y}
        aria-label=${badgeLabel(b, t, lang)}
        @click=${() => p.onBadge(b)} @focus=${() => p.onFocus(key)}>
        ${titleOf(badgeLabel(b, t, lang))}
        <rect class="hit" x=${x - tw / 2} y=${y - th / 2} width=${tw} height=${th} rx="4"></rect>
        <rect class="box" x=${x - tw / 2 + 2} y=${y - BADGE_BOX / 2} width=${tw - 4} height=${BADGE_BOX} rx="3"></rect>
        <text x=${x} y=${y}>${label}</text>
      </g>`;
    })}
  </svg>`;
}
