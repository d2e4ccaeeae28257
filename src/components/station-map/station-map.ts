import { html, nothing, svg, type PropertyValues } from 'lit';
import { geoContains, geoMercator, type GeoProjection } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LoadedDataset } from '../../data/load.js';
import type { Dataset, Station } from '../../data/schema.js';
import { countryRows, coverage } from '../../data/selectors.js';
import type { OpsSelectDetail } from '../../shared/events.js';
import { bureauName, compareText, reportName, countryName, formatDate, formatList } from '../../shared/i18n.js';
import { OpsElement } from '../../shared/ops-element.js';
import { nextTask, renderTurn } from '../../shared/render-turn.js';
import '../source-card/define.js';
import { loadBasemap, type Basemap } from './basemap.js';
import {
  ARROW_DIRECTIONS,
  badgeSize,
  nextInDirection,
  boundsOf,
  cameraFor,
  clusterStations,
  fixAntimeridian,
  levelFor,
  MAX_LEVEL,
  markerRadius,
  markerScale,
  mercatorPaths,
  projectionFor,
  UNIT_SCALE,
  unitTransform,
  WORLD_BOUNDS,
  type Camera,
  type Cluster,
} from './geo.js';
import type { GlMap, GlMapOptions } from './gl-map.js';
import { stationMapStyles } from './station-map.styles.js';
import { mapStrings, type MapStrings } from './strings.js';
import { cssProps } from '../../shared/css-props.js';

/** World view width ÷ height (Web Mercator, WORLD_BOUNDS); the box keeps it at every width. */
const ASPECT = (() => {
  const p = projectionFor(1000, 1000);
  const [[x0, y0], [x1, y1]] = [p(WORLD_BOUNDS[0])!, p(WORLD_BOUNDS[1])!];
  return Math.abs(x1 - x0) / Math.abs(y1 - y0);
})();

/** A tap: pointer up within this distance and time of pointer down (a scroll that starts on the map is not one). */
const TAP_PX = 10;
const TAP_MS = 500;

type Selected =
  | { kind: 'station'; id: string }
  | { kind: 'cluster'; key: string; ids: string[] }
  | { kind: 'country'; code: string };

export type MapState = 'preview' | 'loading' | 'ready' | 'failed' | 'no-webgl' | 'static';

/** A country's stations that have no reported location, drawn as a badge at a point inside it. */
export interface Badge {
  code: string;
  stations: Station[];
  lon: number;
  lat: number;
}

interface View {
  dataset: Dataset;
  stations: Station[];
  located: Station[];
  badges: Badge[];
  /** Countries with unlocated stations but no shape in the 110m outlines (listed, never placed). */
  shapeless: string[];
  hosts: Set<string>;
  bureauIndex: Map<string, number>;
  focus?: Feature<Polygon | MultiPolygon>;
}

/** Country paths per basemap, shared by every map on the page. */
const unitPaths = new WeakMap<Basemap, string[]>();

/** Country outlines as SVG paths in unit coordinates, computed once per page (see unitTransform). */
function outlinePaths(geo: Basemap): string[] {
  let paths = unitPaths.get(geo);
  if (!paths) {
    paths = mercatorPaths(fixAntimeridian(geo.countries), geoMercator().scale(UNIT_SCALE).translate([500, 500]));
    unitPaths.set(geo, paths);
  }
  return paths;
}

function bureauClass(index: number | undefined): string {
  return index === undefined ? 'b-unknown' : `b${(index % 5) + 1}`;
}

/**
 * Every reported station on a world map: an SVG preview drawn at once from
 * the outlines that ship with the library, and MapLibre GL (loaded only when
 * the reader starts to explore) with the same projection, bounds and
 * clusters. No tile, glyph, sprite or font server: the map asks nothing of
 * any origin but its own.
 *
 * @element ops-station-map
 * @summary Reported stations on a world map, clustered and coloured by operating bureau, with details and sources.
 *
 * @attr src - Dataset URL (default: the dataset shipped beside the script).
 * @attr lang - UI language (`en`, `zh-Hans`, `zh-Hant`); inherited from the closest `[lang]`.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr plain - Hides the title and credit line.
 * @attr group - Shares the selected station or country with widgets of the same group, and follows theirs.
 * @attr country - ISO 3166-1 alpha-2 code: shows only that country's stations and fits the view to it.
 * @attr bureau - Bureau id (e.g. `nantong`, or `unknown`): shows only that bureau's stations.
 * @attr autoload - Loads the interactive map when the element nears the viewport, not on the first interaction.
 * @attr static - Keeps the SVG map (print, screenshots); never loads MapLibre.
 * @attr basemap - A MapLibre style URL for newsrooms with their own tiles (requests then go where that style points).
 *
 * @fires ops-select - A station (`kind: 'station'`, with its `country`) or a country (`kind: 'country'`) was selected; `id: null` when cleared.
 *
 * @csspart title - The map's title.
 * @csspart summary - The one-sentence summary generated from the data.
 * @csspart map - The map box (SVG preview or MapLibre canvas).
 * @csspart explore - The "Explore the map" button.
 * @csspart reset - The reset-view button of the interactive map.
 * @csspart attribution - The Natural Earth attribution.
 * @csspart legend - The legend of bureau colours.
 * @csspart list-toggle - The "Show as list" button.
 * @csspart details - The details of the selected station, cluster or country, with its sources.
 * @csspart list - The list of stations by country (the map's text alternative).
 * @csspart credit - The credit line.
 * @csspart error - The message shown when the data cannot be used.
 * @csspart loading - The placeholder shown while the data loads (the map's height plus 18rem; set `--ops-height`).
 *
 * @cssprop --ops-accent - Links, highlights and the selected marker.
 * @cssprop --ops-text - Text colour.
 * @cssprop --ops-muted - Secondary text colour.
 * @cssprop --ops-surface - Background.
 * @cssprop --ops-surface-alt - Button background.
 * @cssprop --ops-border - Borders and rules.
 * @cssprop --ops-focus - Focus ring.
 * @cssprop --ops-font-family - Font (default: the page's).
 * @cssprop --ops-height - Height reserved while loading.
 * @cssprop --ops-map-water - Sea colour.
 * @cssprop --ops-map-land - Land colour.
 * @cssprop --ops-map-host - Colour of countries with a reported station.
 * @cssprop --ops-map-border - Country borders.
 * @cssprop --ops-map-cluster - Fill of a cluster of several stations.
 * @cssprop --ops-map-cluster-text - The count on a cluster.
 * @cssprop --ops-bureau-1 - Colour of the first bureau in the dataset (then `--ops-bureau-2` … `--ops-bureau-5`).
 * @cssprop --ops-bureau-unknown - Colour of stations whose bureau no source names.
 */
export class OpsStationMap extends OpsElement {
  static override styles = [...OpsElement.styles, stationMapStyles];

  static override properties = {
    ...OpsElement.properties,
    country: { type: String, reflect: true },
    bureau: { type: String, reflect: true },
    autoload: { type: Boolean, reflect: true },
    staticMap: { type: Boolean, reflect: true, attribute: 'static' },
    basemap: { type: String },
    mapState: { type: String, reflect: true, attribute: 'map-state' },
    selected: { state: true },
    listOpen: { state: true },
    width: { state: true },
    focusKey: { state: true },
    glAnnouncement: { state: true },
    openSources: { state: true },
    geo: { state: true },
  };

  declare country: string | undefined;
  declare bureau: string | undefined;
  declare autoload: boolean;
  declare staticMap: boolean;
  declare basemap: string | undefined;
  /** `preview` (SVG), `loading`, `ready` (MapLibre), `failed`, `no-webgl` or `static`; reflected as `map-state`. */
  declare mapState: MapState;
  protected declare selected: Selected | null;
  protected declare listOpen: boolean;
  protected declare width: number;
  protected declare focusKey: string | null;
  /** What the keyboard focus ring is on in MapLibre, for screen readers (the canvas has no elements to focus). */
  protected declare glAnnouncement: string;
  protected declare openSources: ReadonlySet<string>;
  protected declare geo: Basemap | null;

  #view?: View;
  #viewKey?: unknown[];
  #resize?: ResizeObserver;
  #near?: IntersectionObserver;
  #gl?: GlMap;
  #glToken = 0;
  #down?: { x: number; y: number; t: number };
  #pinch = false;

  constructor() {
    super();
    this.autoload = false;
    this.staticMap = false;
    this.mapState = 'preview';
    this.selected = null;
    this.listOpen = false;
    this.width = 0;
    this.focusKey = null;
    this.glAnnouncement = '';
    this.openSources = new Set();
    this.geo = null;
  }

  protected get m(): MapStrings {
    return mapStrings(this.uiLang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadBasemap().then(
      async (geo) => {
        // The outlines' paths do not depend on the data: compute them in a task of their own (usually
        // while the dataset downloads), then draw in this widget's turn, not in the chunk's arrival task.
        await nextTask();
        outlinePaths(geo);
        await renderTurn(this);
        this.geo = geo;
      },
      (error: unknown) => console.error('[overseas-police-stations] the map outlines could not be loaded', error),
    );
    this.#observe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#near?.disconnect();
    this.#resize = this.#near = undefined;
    this.#isNear = this.#autoloaded = false;
    this.#destroyGl();
  }

  #marked = false;

  /**
   * What follows from a change is decided before rendering, not after: state set in `updated()`
   * would schedule a second update for every one (MapLibre's state is reactive: `map-state`).
   */
  protected override willUpdate(changed: PropertyValues): void {
    const dataset = this.datasetTask.value?.dataset;
    // The view the preview is about to draw, so MapLibre starts from the same one.
    if (dataset) this.#viewOf(dataset);
    if (this.#gl && (changed.has('country') || changed.has('bureau') || changed.has('theme') || changed.has('geo') || changed.has('uiLang'))) {
      // Filters, colours and labels change what MapLibre draws: rebuild it from the same view as the preview.
      this.#destroyGl();
      void this.loadMap();
    }
    this.#autoload();
  }

  protected override updated(changed: PropertyValues): void {
    if (!this.#marked && this.renderRoot.querySelector('svg [data-key]')) {
      // For scripts/basemap-timing.mjs: when the preview first showed stations.
      this.#marked = true;
      performance.mark('ops-station-map:preview');
    }
    if (this.#gl && changed.has('width')) this.#gl.resize(this.#camera());
    if (this.#gl && changed.has('selected')) this.#gl.setSelected(this.#selectedKeys(), this.#selectedCountry());
  }

  #isNear = false;
  #autoloaded = false;

  /** `autoload`: MapLibre starts once the map is near the viewport and its preview can be drawn (data and outlines in). */
  #autoload(): void {
    if (!this.autoload || this.#autoloaded || !this.#isNear || !this.#view || !this.geo) return;
    this.#autoloaded = true;
    void this.loadMap();
  }

  /**
   * Watches the host for its width and, with `autoload`, for nearing the viewport. The host,
   * not the map box: it exists before the data does, so the preview's first render already
   * knows its width and never has to read layout (a forced layout of the whole page).
   */
  #observe(): void {
    this.#resize ??= new ResizeObserver((entries) => {
      const w = Math.round(entries.at(-1)!.contentRect.width);
      if (w && w !== this.width) this.width = w;
    });
    this.#near ??= new IntersectionObserver(
      (entries) => {
        this.#isNear = entries.at(-1)!.isIntersecting;
        this.#autoload();
      },
      { rootMargin: '200px' },
    );
    this.#resize.observe(this);
    this.#near.observe(this);
  }

  // ---------------------------------------------------------------- data → view

  #viewOf(dataset: Dataset): View | undefined {
    const geo = this.geo;
    if (!geo) return undefined;
    const key = [dataset, geo, this.country, this.bureau];
    if (this.#view && this.#viewKey?.every((k, i) => k === key[i])) return this.#view;
    const country = this.country?.toUpperCase();
    const stations = dataset.stations.filter(
      (s) => (!country || s.country === country) && (!this.bureau || s.bureau === this.bureau),
    );
    const byCountry = new Map<string, Station[]>();
    for (const s of stations) if (!s.location) byCountry.set(s.country, [...(byCountry.get(s.country) ?? []), s]);
    const badges: Badge[] = [];
    const shapeless: string[] = [];
    for (const [code, list] of byCountry) {
      const point = geo.labelPoints[code];
      if (point) badges.push({ code, stations: list, lon: point[0], lat: point[1] });
      else shapeless.push(code);
    }
    // Bureaus keep the dataset's order so a colour means the same bureau on every map.
    const bureauIndex = new Map(dataset.bureaus.map((b, i) => [b.id, i]));
    const focus = country ? geo.countries.features.find((f) => f.id === country) : undefined;
    this.#view = {
      dataset,
      stations,
      located: stations.filter((s) => s.location),
      badges,
      shapeless,
      hosts: new Set(stations.map((s) => s.country)),
      bureauIndex,
      focus,
    };
    this.#viewKey = key;
    return this.#view;
  }

  /** The box the map is drawn in, in CSS pixels. */
  #size(): [number, number] {
    const w = this.width || 640;
    return [w, Math.round(w / ASPECT)];
  }

  #projection(): GeoProjection {
    const [w, h] = this.#size();
    const focus = this.#view?.focus;
    return projectionFor(w, h, focus ? boundsOf(focus) : WORLD_BOUNDS);
  }

  #camera(): Camera {
    const [w, h] = this.#size();
    return cameraFor(this.#projection(), w, h);
  }

  #clusterMemo?: { view: View; level: number; clusters: Cluster[] };

  /** The clusters MapLibre starts with, at the preview's zoom. */
  #clusters(view: View): Cluster[] {
    const level = levelFor(this.#camera().zoom);
    const memo = this.#clusterMemo;
    if (memo?.view === view && memo.level === level) return memo.clusters;
    this.#clusterMemo = { view, level, clusters: clusterStations(view.located, level) };
    return this.#clusterMemo.clusters;
  }

  #paths(): string[] {
    return outlinePaths(this.geo!);
  }

  #bureauName(dataset: Dataset, id: string): string {
    return bureauName(dataset, id, this.uiLang);
  }

  #place(s: Station): string {
    return s.city || this.m.unknownCity;
  }

  // ---------------------------------------------------------------- selection

  protected override applySelection(detail: OpsSelectDetail): void {
    const dataset = this.#view?.dataset;
    if (detail.id === null) {
      this.selected = null;
      return;
    }
    if (detail.kind === 'station') {
      if (!dataset || dataset.stations.some((s) => s.id === detail.id)) this.selected = { kind: 'station', id: detail.id };
    } else if (detail.kind === 'country') {
      this.selected = { kind: 'country', code: detail.id };
    } else if (detail.country) {
      this.selected = { kind: 'country', code: detail.country };
    }
  }

  /** Selects a station by id (also used by MapLibre and the list). */
  #selectStation(station: Station): void {
    this.selected = { kind: 'station', id: station.id };
    this.select('station', station.id, station.country);
  }

  #selectCluster(cluster: Cluster): void {
    if (cluster.stations.length === 1) return this.#selectStation(cluster.stations[0]!);
    this.selected = { kind: 'cluster', key: cluster.key, ids: cluster.stations.map((s) => s.id) };
    const countries = new Set(cluster.stations.map((s) => s.country));
    if (countries.size === 1) this.select('country', [...countries][0]!);
  }

  #selectBadge(badge: Badge): void {
    this.selected = { kind: 'country', code: badge.code };
    this.select('country', badge.code);
  }

  #clear(): void {
    this.selected = null;
    this.select(null, null);
  }

  #selectedCountry(): string | undefined {
    return this.selected?.kind === 'country' ? this.selected.code : undefined;
  }

  /** Keys of what is selected, for highlighting markers in both renderers. */
  #selectedKeys(): string[] {
    const s = this.selected;
    if (!s) return [];
    if (s.kind === 'cluster') return [s.key];
    if (s.kind === 'country') return [`badge:${s.code}`];
    return [`station:${s.id}`];
  }

  /** Selection from MapLibre: a cluster key at some level, or a badge. */
  #selectByKey(key: string): void {
    const marker = this.#markerByKey(key);
    if (marker?.badge) this.#selectBadge(marker.badge);
    else if (marker?.cluster) this.#selectCluster(marker.cluster);
  }

  /** What a marker key names: a country badge, or a cluster at the level the key starts with. */
  #markerByKey(key: string): { view: View; badge?: Badge; cluster?: Cluster } | undefined {
    const view = this.#view;
    if (!view) return undefined;
    if (key.startsWith('badge:')) return { view, badge: view.badges.find((b) => `badge:${b.code}` === key) };
    return { view, cluster: clusterStations(view.located, Number(key.split(':')[0])).find((c) => c.key === key) };
  }

  // ---------------------------------------------------------------- MapLibre on demand

  /** Loads MapLibre and replaces the preview (no-op when `static`, already loaded, or WebGL is missing). */
  async loadMap(): Promise<void> {
    if (this.staticMap || this.#gl || this.mapState === 'loading' || this.mapState === 'no-webgl') return;
    const view = this.#view;
    if (!view || !this.geo) return;
    const token = ++this.#glToken;
    this.mapState = 'loading';
    try {
      const gl = await import('./gl-map.js');
      if (token !== this.#glToken || !this.isConnected) return;
      // Rendered by now, also when the load began just before the preview's first render (`autoload`).
      const box = this.renderRoot.querySelector<HTMLElement>('.gl');
      if (!box) throw new Error('the map box is missing');
      if (!gl.webglAvailable()) {
        this.mapState = 'no-webgl';
        return;
      }
      const [w, h] = this.#size();
      const levels: Cluster[][] = [];
      for (let level = 0; level <= MAX_LEVEL; level++) levels.push(clusterStations(view.located, level));
      const options: GlMapOptions = {
        container: box,
        root: this.renderRoot as ShadowRoot,
        camera: this.#camera(),
        size: [w, h],
        scale: markerScale(w),
        countries: this.geo.countries,
        hosts: [...view.hosts],
        focus: view.focus?.id as string | undefined,
        levels,
        badges: view.badges.map((b) => ({ key: `badge:${b.code}`, lon: b.lon, lat: b.lat, label: String(b.stations.length) })),
        bureauClass: (s) => bureauClass(view.bureauIndex.get(s.bureau)),
        colors: (name) => getComputedStyle(this).getPropertyValue(name).trim(),
        styleUrl: this.basemap,
        label: `${this.m.mapLabel}. ${this.m.glHint}`,
        gestureHint: this.m.gestureHint,
        selected: this.#selectedKeys(),
        selectedCountry: this.#selectedCountry(),
        onSelect: (key) => this.#selectByKey(key),
        onIdle: () => {
          if (token === this.#glToken && this.mapState === 'loading') this.mapState = 'ready';
        },
        onError: (error) => {
          console.error('[overseas-police-stations] the interactive map failed', error);
          if (token === this.#glToken) {
            this.#destroyGl();
            this.mapState = 'failed';
          }
        },
      };
      this.#gl = gl.createGlMap(options);
    } catch (error) {
      console.error('[overseas-police-stations] the interactive map could not be loaded', error);
      if (token === this.#glToken) this.mapState = 'failed';
    }
  }

  #destroyGl(): void {
    this.#glToken++;
    this.#gl?.remove();
    this.#gl = undefined;
    if (this.mapState === 'loading' || this.mapState === 'ready') this.mapState = 'preview';
  }

  #onPointerDown = (e: PointerEvent): void => {
    if (e.isPrimary) this.#down = { x: e.clientX, y: e.clientY, t: e.timeStamp };
  };

  #onPointerUp = (e: PointerEvent): void => {
    const down = this.#down;
    this.#down = undefined;
    if (!down || !e.isPrimary) return;
    if (Math.hypot(e.clientX - down.x, e.clientY - down.y) <= TAP_PX && e.timeStamp - down.t <= TAP_MS) void this.loadMap();
  };

  #onWheel = (e: WheelEvent): void => {
    if (e.ctrlKey && !this.#gl) {
      e.preventDefault();
      void this.loadMap();
    }
  };

  #onTouchStart = (e: TouchEvent): void => {
    if (e.touches.length >= 2 && !this.#pinch) {
      this.#pinch = true;
      void this.loadMap();
    }
  };

  // ---------------------------------------------------------------- keyboard in the preview

  #focusables(): SVGGElement[] {
    return [...this.renderRoot.querySelectorAll<SVGGElement>('svg [data-key]')];
  }

  #onPreviewKey = (e: KeyboardEvent): void => {
    const items = this.#focusables();
    const current = (e.target as Element).closest<SVGGElement>('[data-key]');
    if (e.key === '+' || e.key === '=' || e.key === '-' || e.key === '−') {
      e.preventDefault();
      void this.loadMap();
      return;
    }
    if (e.key === 'Escape') {
      if (this.selected) this.#clear();
      return;
    }
    if (!current) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      current.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      return;
    }
    const dir = ARROW_DIRECTIONS[e.key];
    let next: SVGGElement | undefined;
    if (e.key === 'Home') next = items[0];
    else if (e.key === 'End') next = items.at(-1);
    else if (dir) {
      const points = items.filter((item) => item !== current).map((item) => ({ item, x: Number(item.dataset.x), y: Number(item.dataset.y) }));
      next = nextInDirection(points, { x: Number(current.dataset.x), y: Number(current.dataset.y) }, dir)?.item;
    }
    if (!next) return;
    e.preventDefault();
    this.focusKey = next.dataset.key!;
    next.focus();
  };

  // ---------------------------------------------------------------- keyboard in MapLibre

  #glFocus?: { key: string; x: number; y: number };

  /**
   * The same keys as the preview (arrows move between markers, Enter shows details), so the
   * map does not change its rules when MapLibre takes over; Shift + arrows pan, + and − zoom
   * (MapLibre's own). Runs in the capture phase, before MapLibre's arrow-key panning.
   */
  #onGlKey = {
    capture: true,
    handleEvent: (e: KeyboardEvent): void => {
      const gl = this.#gl;
      if (!gl || this.mapState !== 'ready' || e.altKey || e.ctrlKey || e.metaKey) return;
      const dir = ARROW_DIRECTIONS[e.key];
      if (dir && e.shiftKey) {
        e.preventDefault();
        e.stopPropagation();
        gl.panBy(dir[0] * 100, dir[1] * 100);
        return;
      }
      if (dir) {
        e.preventDefault();
        e.stopPropagation();
        const markers = gl.markers();
        const current = this.#glFocus && markers.find((mk) => mk.key === this.#glFocus!.key);
        const canvas = gl.map.getCanvas().getBoundingClientRect();
        // First press, or the focused marker merged into a cluster after a zoom: start from where focus was (or the centre).
        const from = current ?? this.#glFocus ?? { x: canvas.width / 2, y: canvas.height / 2 };
        const next = current
          ? nextInDirection(markers.filter((mk) => mk !== current), from, dir)
          : markers.sort((a, b) => Math.hypot(a.x - from.x, a.y - from.y) - Math.hypot(b.x - from.x, b.y - from.y))[0];
        if (!next) return;
        this.#glFocus = next;
        gl.setFocus(next.key);
        this.glAnnouncement = this.#labelForKey(next.key);
        return;
      }
      if ((e.key === 'Enter' || e.key === ' ') && this.#glFocus) {
        e.preventDefault();
        e.stopPropagation();
        this.#selectByKey(this.#glFocus.key);
        return;
      }
      if (e.key === 'Escape') {
        this.#glFocus = undefined;
        gl.setFocus(null);
        this.glAnnouncement = '';
        if (this.selected) this.#clear();
      }
    },
  };

  // ---------------------------------------------------------------- render

  protected renderData({ dataset }: LoadedDataset) {
    const m = this.m;
    const view = this.#viewOf(dataset);
    return html`
      ${this.plain ? nothing : html`<p part="title">${m.title}</p>`}
      <p part="summary" id="summary">${this.#summary(dataset)}</p>
      ${this.#filterNote(dataset, view)}
      ${view ? this.#renderMap(view) : html`<div part="map" style=${cssProps({ 'aspect-ratio': String(ASPECT) })}></div>`}
      ${view ? this.#renderLegend(view) : nothing}
      ${view?.shapeless.length
        ? html`<p class="note">${m.noShape(formatList(view.shapeless.map((c) => countryName(c, this.uiLang)), this.uiLang, 'long'))}</p>`
        : nothing}
      <div class="toolbar">
        ${this.mapState === 'ready' ? this.#renderControls('in-toolbar') : nothing}
        ${view && this.mapState === 'preview' && !this.staticMap
          ? html`<button type="button" part="explore" class="explore" @click=${() => void this.loadMap()}>${m.explore}</button>`
          : nothing}
        <button type="button" part="list-toggle" aria-expanded=${this.listOpen ? 'true' : 'false'} aria-controls="list"
          @click=${() => (this.listOpen = !this.listOpen)}>${this.listOpen ? m.hideList : m.showList}</button>
      </div>
      ${view && this.selected ? this.#renderDetails(view) : nothing}
      ${view && this.listOpen ? this.#renderList(view) : nothing}
    `;
  }

  #summary(dataset: Dataset): string {
    const c = coverage(dataset);
    const rows = countryRows(dataset).filter((r) => r.stations.length);
    // The largest numbers: up to three countries, none tied with a country left out.
    const cut = rows[3]?.stations.length ?? 0;
    const top = rows.filter((r) => r.stations.length > cut).slice(0, 3);
    const list = formatList(
      top.map((r) => `${countryName(r.code, this.uiLang)} (${r.stations.length})`),
      this.uiLang,
      'long',
    );
    let listed;
    if (c.total && c.report) listed = { listed: c.listed, total: c.total.stations, report: reportName(c.report, this.uiLang) };
    return this.m.summary({
      stations: c.stations,
      countries: c.countries,
      listed,
      top: top.length && rows.length > 1 ? list : '',
      unlocated: dataset.stations.filter((s) => !s.location).length,
    });
  }

  #filterNote(dataset: Dataset, view: View | undefined) {
    if (!view || (!this.country && !this.bureau)) return nothing;
    const parts = [
      this.country ? countryName(this.country.toUpperCase(), this.uiLang) : '',
      this.bureau ? `${this.t.table.bureau}: ${this.#bureauName(dataset, this.bureau)}` : '',
    ].filter(Boolean);
    return html`<p class="filtered">${this.m.filtered(view.stations.length, dataset.stations.length, parts.join(' · '))}</p>`;
  }

  #renderMap(view: View) {
    const m = this.m;
    const [w, h] = this.#size();
    const projection = this.#projection();
    const paths = this.#paths();
    const clusters = this.#clusters(view);
    const selectedKeys = new Set(this.#selectedKeys());
    const selectedCountry = this.#selectedCountry();
    const showSvg = this.mapState !== 'ready';
    const items: string[] = [...clusters.map((c) => c.key), ...view.badges.map((b) => `badge:${b.code}`)];
    const focusKey = this.focusKey && items.includes(this.focusKey) ? this.focusKey : items[0];
    const scale = markerScale(w);
    const radius = (n: number) => markerRadius(n, scale);
    const status =
      this.mapState === 'loading'
        ? m.loadingMap
        : this.mapState === 'no-webgl'
          ? m.noWebgl
          : this.mapState === 'failed'
            ? m.mapFailed
            : '';
    return html`<div
      part="map"
      role="region"
      aria-label=${m.mapLabel}
      aria-describedby="summary"
      style=${cssProps({ 'aspect-ratio': String(ASPECT) })}
      @pointerdown=${this.#onPointerDown}
      @pointerup=${this.#onPointerUp}
      @pointercancel=${() => (this.#down = undefined)}
      @wheel=${this.#onWheel}
      @touchstart=${this.#onTouchStart}
    >
      ${showSvg && this.width
        ? html`<svg viewBox="0 0 ${w} ${h}" style=${cssProps({ '--_marker-font': `${Math.round(11 * scale)}px` })} role="group" aria-label=${m.previewHint} @keydown=${this.#onPreviewKey}>
            <rect class="water" width=${w} height=${h}></rect>
            <g aria-hidden="true" transform=${unitTransform(projection)}>
              ${this.geo!.countries.features.map(
                (f, i) => svg`<path class="country ${view.hosts.has(f.id as string) ? 'host' : ''} ${
                  f.id !== undefined && (f.id === selectedCountry || f.id === view.focus?.id) ? 'focus' : ''
                }" d=${paths[i]!}></path>`,
              )}
            </g>
            ${view.badges.map((b) => {
              const [x, y] = projection([b.lon, b.lat])!;
              const key = `badge:${b.code}`;
              const label = String(b.stations.length);
              const [tw, th] = badgeSize(label.length, scale);
              return svg`<g class="badge ${selectedKeys.has(key) ? 'selected' : ''}" role="button"
                tabindex=${key === focusKey ? 0 : -1} data-key=${key} data-x=${x} data-y=${y}
                aria-label=${m.badgeLabel(b.stations.length, countryName(b.code, this.uiLang))}
                @click=${() => this.#selectBadge(b)} @focus=${() => (this.focusKey = key)}>
                <title>${m.badgeLabel(b.stations.length, countryName(b.code, this.uiLang))}</title>
                <rect x=${x - tw / 2} y=${y - th / 2} width=${tw} height=${th} rx="3"></rect>
                <text x=${x} y=${y}>${label}</text>
              </g>`;
            })}
            ${clusters.map((c) => {
              const [x, y] = projection([c.lon, c.lat])!;
              const n = c.stations.length;
              const one = n === 1 ? c.stations[0]! : undefined;
              const label = this.#clusterLabel(view, c);
              const selected = selectedKeys.has(c.key) || c.stations.some((s) => selectedKeys.has(`station:${s.id}`));
              return svg`<g class="cluster ${one ? 'one' : 'many'} ${selected ? 'selected' : ''}" role="button"
                tabindex=${c.key === focusKey ? 0 : -1} data-key=${c.key} data-count=${n} data-x=${x} data-y=${y}
                aria-label=${label} @click=${() => this.#selectCluster(c)} @focus=${() => (this.focusKey = c.key)}>
                <title>${label}</title>
                <circle class=${one ? bureauClass(view.bureauIndex.get(one.bureau)) : ''} cx=${x} cy=${y} r=${radius(n)}></circle>
                ${one ? nothing : svg`<text x=${x} y=${y}>${n}</text>`}
              </g>`;
            })}
          </svg>`
        : nothing}
      <div class="gl" ?hidden=${this.mapState !== 'ready'} @keydown=${this.#onGlKey}></div>
      <p class="visually-hidden" aria-live="polite">${this.mapState === 'ready' ? this.glAnnouncement : ''}</p>
      ${this.mapState === 'ready' ? this.#renderControls('on-map') : nothing}
      ${status ? html`<p class="map-status" role="status">${status}</p>` : nothing}
      <p part="attribution">${m.attribution}</p>
    </div>`;
  }

  #clusterLabel(view: View, c: Cluster): string {
    const one = c.stations.length === 1 ? c.stations[0]! : undefined;
    return one
      ? this.m.stationLabel(this.#place(one), countryName(one.country, this.uiLang), this.#bureauName(view.dataset, one.bureau))
      : this.m.clusterLabel(c.stations.length, this.#places(c.stations));
  }

  /** What a marker is, in words, by its key (a cluster at some level, or a country badge). */
  #labelForKey(key: string): string {
    const marker = this.#markerByKey(key);
    if (marker?.badge) return this.m.badgeLabel(marker.badge.stations.length, countryName(marker.badge.code, this.uiLang));
    return marker?.cluster ? this.#clusterLabel(marker.view, marker.cluster) : '';
  }

  /**
   * Zoom and reset, drawn twice: over the map's corner on wide screens, and under the map on
   * phones, where a column of buttons would hide a third of a small map. CSS shows one.
   */
  #renderControls(where: 'on-map' | 'in-toolbar') {
    const m = this.m;
    return html`<div class="controls ${where}">
      <button type="button" aria-label=${m.zoomIn} title=${m.zoomIn} @click=${() => this.#gl?.zoomBy(1)}>+</button>
      <button type="button" aria-label=${m.zoomOut} title=${m.zoomOut} @click=${() => this.#gl?.zoomBy(-1)}>−</button>
      <button type="button" part="reset" @click=${() => this.#gl?.reset(this.#camera())}>${m.reset}</button>
    </div>`;
  }

  #places(stations: Station[]): string {
    const names = [...new Set(stations.map((s) => this.#place(s)))];
    const shown = names.slice(0, 4);
    return formatList(names.length > 4 ? [...shown, '…'] : shown, this.uiLang);
  }

  #renderLegend(view: View) {
    const m = this.m;
    const counts = new Map<string, number>();
    for (const s of view.stations) counts.set(s.bureau, (counts.get(s.bureau) ?? 0) + 1);
    const ids = [...counts.keys()].sort(
      (a, b) => Number(a === 'unknown') - Number(b === 'unknown') || (view.bureauIndex.get(a) ?? 99) - (view.bureauIndex.get(b) ?? 99),
    );
    return html`<ul part="legend" aria-label=${m.legend}>
      <li class="legend-title" aria-hidden="true">${m.legend}:</li>
      ${ids.map(
        (id) => html`<li>
          <span class="swatch ${bureauClass(view.bureauIndex.get(id))}" aria-hidden="true"></span>${this.#bureauName(view.dataset, id)}
          (${counts.get(id)})
        </li>`,
      )}
      <li><span class="swatch many" aria-hidden="true"></span>${m.cluster}</li>
      <li><span class="swatch host" aria-hidden="true"></span>${m.hostCountry}</li>
      ${view.badges.length ? html`<li><span class="swatch unlocated" aria-hidden="true"></span>${m.notLocatedLong}</li>` : nothing}
    </ul>`;
  }

  #stationFacts(s: Station, dataset: Dataset) {
    const m = this.m;
    const t = this.t;
    const lang = this.uiLang;
    return html`<dl>
      <dt>${t.table.country}</dt>
      <dd>${countryName(s.country, lang)}</dd>
      <dt>${t.table.city}</dt>
      <dd>${s.city || m.unknownCity}</dd>
      <dt>${m.location}</dt>
      <dd>${s.location ? m.locationPrecision[s.location.precision] : m.locationPrecision.country}</dd>
      <dt>${m.bureau}</dt>
      <dd>${this.#bureauName(dataset, s.bureau)}</dd>
      <dt>${m.status}</dt>
      <dd>${t.status[s.status]}${s.statusDate ? html` (${formatDate(s.statusDate, lang)})` : nothing}</dd>
      ${s.firstReported ? html`<dt>${m.firstReported}</dt><dd>${formatDate(s.firstReported, lang)}</dd>` : nothing}
      ${s.notes ? html`<dt>${m.notes}</dt><dd lang="en">${s.notes}</dd>` : nothing}
    </dl>`;
  }

  #sourceCard(id: string, dataset: Dataset) {
    return html`<ops-source-card for=${id} .data=${dataset} plain lang=${this.uiLang} theme=${this.theme}></ops-source-card>`;
  }

  #stationButtons(stations: Station[], view: View) {
    return html`<ul class="station-list" role="list">
      ${stations.map(
        (s) => html`<li>
          <button type="button" class="station-button" @click=${() => this.#selectStation(s)}>
            <span class="swatch ${bureauClass(view.bureauIndex.get(s.bureau))}" aria-hidden="true"></span>${this.#place(s)},
            ${countryName(s.country, this.uiLang)} · ${this.#bureauName(view.dataset, s.bureau)} · ${this.t.status[s.status]}
          </button>
        </li>`,
      )}
    </ul>`;
  }

  #renderDetails(view: View) {
    const m = this.m;
    const sel = this.selected!;
    const dataset = view.dataset;
    let title: string;
    let body;
    if (sel.kind === 'station') {
      const s = dataset.stations.find((x) => x.id === sel.id);
      if (!s) return nothing;
      title = `${this.#place(s)}, ${countryName(s.country, this.uiLang)}`;
      body = html`${this.#stationFacts(s, dataset)} ${this.#sourceCard(s.id, dataset)}`;
    } else if (sel.kind === 'cluster') {
      const stations = sel.ids.map((id) => dataset.stations.find((s) => s.id === id)).filter((s): s is Station => !!s);
      title = m.inCluster(stations.length);
      body = this.#stationButtons(stations, view);
    } else {
      const stations = view.stations.filter((s) => s.country === sel.code);
      const unlocated = stations.filter((s) => !s.location);
      title = `${countryName(sel.code, this.uiLang)}: ${m.stations(stations.length)}`;
      body = html`${unlocated.length ? html`<p class="note">${m.unlocatedIn(countryName(sel.code, this.uiLang))}: ${unlocated.length}</p>` : nothing}
        ${this.#stationButtons([...stations.filter((s) => s.location), ...unlocated], view)}`;
    }
    return html`<section part="details" aria-label=${title}>
      <div class="details-head">
        <p class="details-title">${title}</p>
        <button type="button" class="close" aria-label=${m.close} title=${m.close} @click=${() => this.#clear()}>×</button>
      </div>
      ${body}
    </section>`;
  }

  #renderList(view: View) {
    const m = this.m;
    const lang = this.uiLang;
    const dataset = view.dataset;
    const compareNames = compareText(lang);
    const rows = countryRows({ ...dataset, stations: view.stations }).filter((r) => r.stations.length);
    const toggle = (id: string, e: Event) => {
      const open = (e.target as HTMLDetailsElement).open;
      const next = new Set(this.openSources);
      if (open) next.add(id);
      else next.delete(id);
      this.openSources = next;
    };
    return html`<div part="list" id="list" role="region" aria-label=${m.listLabel}>
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
                  <strong>${this.#place(s)}</strong> · ${m.bureau}: ${this.#bureauName(dataset, s.bureau)} ·
                  ${this.t.status[s.status]}${s.statusDate ? html` (${formatDate(s.statusDate, lang)})` : nothing}${s.firstReported
                    ? html` · ${m.firstReported}: ${formatDate(s.firstReported, lang)}`
                    : nothing}
                </p>
                ${s.notes ? html`<p class="notes" lang="en">${s.notes}</p>` : nothing}
                <details @toggle=${(e: Event) => toggle(s.id, e)}>
                  <summary>${m.showSources(s.sources.length)}</summary>
                  ${this.openSources.has(s.id) ? this.#sourceCard(s.id, dataset) : nothing}
                </details>
              </li>`,
            )}
          </ul>
        </section>`;
      })}
    </div>`;
  }
}

/** Exposed for tests: the point a badge is drawn at lies inside its country. */
export function badgeInside(basemap: Basemap, code: string): boolean {
  const shape = basemap.countries.features.find((f) => f.id === code);
  const point = basemap.labelPoints[code];
  return !!shape && !!point && geoContains(shape, point);
}
