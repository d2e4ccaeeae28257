import { html, isServer, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LoadedDataset } from '../../data/load.js';
import type { Station } from '../../data/schema.js';
import type { OpsSelectDetail } from '../../shared/events.js';
import { countryName, formatList } from '../../shared/intl.js';
import { OpsElement } from '../../shared/ops-element.js';
import { nextTask, renderTurn } from '../../shared/render-turn.js';
import '../source-card/define.js';
import { loadBasemap, type Basemap } from './basemap.js';
import type { Cluster } from './geo.js';
import { GlController, type MapState } from './gl-controller.js';
import { GlKeyboard, previewKeydown, type KeyboardHost } from './keyboard.js';
import { stationNotesPath } from '../../data/translation.js';
import { renderDetails, renderFilterNote, renderLegend, renderList, summaryOf, type PanelInput } from './panels.js';
import { labelForKey, renderPreview } from './preview.js';
import { stationMapStyles } from './station-map.styles.js';
import { elementStrings } from '../../shared/strings.js';
import { MAP_STRINGS, type MapText } from './strings.js';
import {
  cameraOf,
  defaultRegion,
  mapSize,
  markerByKey,
  previewMarkers,
  regionCounts,
  REGIONS,
  selectedCountry,
  selectedKeys,
  viewFor,
  type Badge,
  type Region,
  type Selected,
  type View,
} from './view.js';

export type { MapState } from './gl-controller.js';
export type { Badge } from './view.js';
export { badgeInside } from './view.js';

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
 * @attr lang - UI language (`en`, `fr`, `it`, `es`, `nl`, `de`, `pt-BR`, `pt-PT`, `ja`, `ko`, `zh-Hans`, `zh-Hant`; regional tags such as `fr-CA` resolve); inherited from the closest `[lang]`.
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
 * @csspart regions - The buttons that switch between the world and regional views, with their counts.
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
 * @csspart loading - The placeholder shown while the data loads (the map's height plus 19.5rem, 26rem on phones; set `--ops-height`).
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

  @property({ reflect: true }) country: string | undefined;
  @property({ reflect: true }) bureau: string | undefined;
  @property({ type: Boolean, reflect: true }) autoload = false;
  @property({ type: Boolean, reflect: true, attribute: 'static' }) staticMap = false;
  @property() basemap: string | undefined;
  /** `preview` (SVG), `loading`, `ready` (MapLibre), `failed`, `no-webgl` or `static`; reflected as `map-state`. */
  @property({ reflect: true, attribute: 'map-state' }) mapState: MapState = 'preview';
  @state() protected selected: Selected | null = null;
  @state() protected listOpen = false;
  @state() protected width = 0;
  @state() protected focusKey: string | null = null;
  /** What the keyboard focus ring is on in MapLibre, for screen readers (the canvas has no elements to focus). */
  @state() protected glAnnouncement = '';
  @state() protected openSources: ReadonlySet<string> = new Set();
  @state() protected geo: Basemap | null = null;
  /** The region the reader chose; until then the world, or Europe on a phone (defaultRegion). */
  @state() protected chosenRegion: Region | null = null;

  /** What the map draws, derived in willUpdate from the dataset, the outlines and the filters. */
  #view?: View;
  #resize?: ResizeObserver;
  #marked = false;

  #gl = new GlController(this, () => {
    const view = this.#view;
    if (!view) return undefined;
    const size = mapSize(this.width);
    return {
      view,
      size,
      camera: cameraOf(view, size, this.#region),
      selected: selectedKeys(this.selected),
      selectedCountry: selectedCountry(this.selected),
      label: `${this.t.map.mapLabel}. ${this.t.map.glHint}`,
      gestureHint: this.t.map.gestureHint,
      onSelect: (key) => this.#selectByKey(key),
    };
  });

  #keys: KeyboardHost = {
    loadMap: () => void this.loadMap(),
    hasSelection: () => !!this.selected,
    clearSelection: () => this.#clear(),
    setFocusKey: (key) => (this.focusKey = key),
    selectKey: (key) => this.#selectByKey(key),
    announce: (key) => (this.glAnnouncement = key && this.#view ? labelForKey(this.#view, key, this.t, this.uiLang) : ''),
  };

  #glKeyboard = new GlKeyboard(this.#keys, () => (this.mapState === 'ready' ? this.#gl.map : undefined));

  /** The region shown: the reader's choice, else the default for this width. */
  get #region(): Region {
    return this.chosenRegion ?? defaultRegion(this.width);
  }

  #chooseRegion(region: Region): void {
    this.chosenRegion = region;
    this.#gl.map?.reset(cameraOf(this.#view, mapSize(this.width), region));
  }

  protected override get t(): MapText {
    return elementStrings(this.uiLang, 'map', MAP_STRINGS);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    loadBasemap().then(
      async (geo) => {
        // Draw in this widget's turn, not in the chunk's arrival task (the outlines come projected: nothing to compute).
        await renderTurn(this);
        this.geo = geo;
      },
      (error: unknown) => console.error('[overseas-police-stations] the map outlines could not be loaded', error),
    );
    // The host, not the map box, is measured: it exists before the data does, so the preview's
    // first render already knows its width and never has to read layout (a forced layout of the page).
    this.#resize ??= new ResizeObserver((entries) => {
      const w = Math.round(entries.at(-1)!.contentRect.width);
      if (w && w !== this.width) this.width = w;
    });
    this.#resize.observe(this);
  }

  /** The server drew the preview: draw the same one, with the outlines and at the width it has on the page. */
  protected override async beforeHydrate(): Promise<void> {
    this.geo = await loadBasemap();
    this.width = Math.round(this.getBoundingClientRect().width);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#resize = undefined;
  }

  /**
   * What follows from a change is decided before rendering, not after: state set in `updated()`
   * would schedule a second update for every one (MapLibre's state is reactive: `map-state`).
   */
  /**
   * The first drawing with data makes its view and the clusters it shows in a task before the one
   * that renders them (lit building the DOM is the rest): no single task holds both. Not when
   * taking over server HTML, which must happen in one task.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const dataset = this.loaded?.dataset;
    if (isServer || this.#view || !dataset || !this.geo || this.prerendered || !this.width) return super.scheduleUpdate();
    this.#view = viewFor(undefined, dataset, this.geo, this.country, this.bureau);
    previewMarkers(this.#view, mapSize(this.width), this.#region);
    return nextTask().then(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const dataset = this.loaded?.dataset;
    // The view the preview is about to draw, so MapLibre starts from the same one.
    if (dataset && this.geo) this.#view = viewFor(this.#view, dataset, this.geo, this.country, this.bureau);
    if (changed.has('country') || changed.has('bureau') || changed.has('theme') || changed.has('geo') || changed.has('uiLang')) {
      this.#gl.rebuild();
    }
    this.#gl.autoload();
  }

  protected override updated(changed: PropertyValues): void {
    if (!this.#marked && this.renderRoot.querySelector('svg [data-key]')) {
      // For scripts/basemap-timing.mjs: when the preview first showed stations.
      this.#marked = true;
      performance.mark('ops-station-map:preview');
    }
    const gl = this.#gl.map;
    if (gl && changed.has('width')) gl.resize(cameraOf(this.#view, mapSize(this.width), this.#region), cameraOf(this.#view, mapSize(this.width)));
    if (gl && changed.has('selected')) gl.setSelected(selectedKeys(this.selected), selectedCountry(this.selected));
  }

  /** Loads MapLibre and replaces the preview (no-op when `static`, already loaded, or WebGL is missing). */
  loadMap(): Promise<void> {
    return this.#gl.load();
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

  /** Selects a station (a marker of one, or a button in the details). */
  #selectStation = (station: Station): void => {
    this.selected = { kind: 'station', id: station.id };
    this.select('station', station.id, station.country);
  };

  #selectCluster = (cluster: Cluster): void => {
    if (cluster.stations.length === 1) return this.#selectStation(cluster.stations[0]!);
    this.selected = { kind: 'cluster', key: cluster.key, ids: cluster.stations.map((s) => s.id) };
    const countries = new Set(cluster.stations.map((s) => s.country));
    if (countries.size === 1) this.select('country', [...countries][0]!);
  };

  #selectBadge = (badge: Badge): void => {
    this.selected = { kind: 'country', code: badge.code };
    this.select('country', badge.code);
  };

  #clear = (): void => {
    this.selected = null;
    this.select(null, null);
  };

  /** Selection from MapLibre or its keyboard: a cluster key at some level, or a badge. */
  #selectByKey(key: string): void {
    if (!this.#view) return;
    const marker = markerByKey(this.#view, key);
    if (marker.badge) this.#selectBadge(marker.badge);
    else if (marker.cluster) this.#selectCluster(marker.cluster);
  }

  // ---------------------------------------------------------------- render

  protected renderData({ dataset }: LoadedDataset) {
    const t = this.t;
    const view = this.#view?.dataset === dataset ? this.#view : undefined;
    const panel: PanelInput | undefined = view && { view, t, lang: this.uiLang, theme: this.theme, notes: (s) => this.dataText(stationNotesPath(s.id), s.notes) };
    return html`
      ${this.plain ? nothing : html`<p part="title">${t.map.title}</p>`}
      <p part="summary" id="summary">${summaryOf(dataset, t, this.uiLang)}</p>
      ${panel ? renderFilterNote(panel) : nothing}
      ${view && !view.focus ? this.#renderRegions(view) : nothing}
      ${view ? this.#renderMap(view) : html`<div part="map"></div>`}
      ${panel ? renderLegend(panel) : nothing}
      ${view?.shapeless.length
        ? html`<p class="note">${t.map.noShape(formatList(view.shapeless.map((c) => countryName(c, this.uiLang)), this.uiLang, 'long'))}</p>`
        : nothing}
      <div class="toolbar">
        ${this.mapState === 'ready' ? this.#renderControls('in-toolbar') : nothing}
        ${view && this.mapState === 'preview' && !this.staticMap
          ? html`<button type="button" part="explore" class="explore" @click=${() => void this.loadMap()}>${t.map.explore}</button>`
          : nothing}
        <button type="button" part="list-toggle" aria-expanded=${this.listOpen ? 'true' : 'false'} aria-controls="list"
          @click=${() => (this.listOpen = !this.listOpen)}>${this.listOpen ? t.map.hideList : t.map.showList}</button>
      </div>
      ${panel && this.selected ? renderDetails(panel, this.selected, { station: this.#selectStation, close: this.#clear }) : nothing}
      ${panel && this.listOpen ? renderList(panel, this.openSources, this.#toggleSources) : nothing}
    `;
  }

  #toggleSources = (id: string, open: boolean): void => {
    const next = new Set(this.openSources);
    if (open) next.add(id);
    else next.delete(id);
    this.openSources = next;
  };

  #renderMap(view: View) {
    const t = this.t;
    const gl = this.#gl;
    const status =
      this.mapState === 'loading' ? t.map.loadingMap : this.mapState === 'no-webgl' ? t.map.noWebgl : this.mapState === 'failed' ? t.map.mapFailed : '';
    return html`<div
      part="map"
      role="region"
      aria-label=${t.map.mapLabel}
      aria-describedby="summary"
      @pointerdown=${gl.onPointerDown}
      @pointerup=${gl.onPointerUp}
      @pointercancel=${gl.onPointerCancel}
      @wheel=${gl.onWheel}
      @touchstart=${gl.onTouchStart}
    >
      ${this.mapState !== 'ready' && this.width
        ? renderPreview({
            view,
            size: mapSize(this.width),
            region: this.#region,
            t,
            lang: this.uiLang,
            selectedKeys: selectedKeys(this.selected),
            selectedCountry: selectedCountry(this.selected),
            focusKey: this.focusKey,
            onCluster: this.#selectCluster,
            onBadge: this.#selectBadge,
            onFocus: this.#keys.setFocusKey,
            onKeydown: this.#onPreviewKey,
          })
        : nothing}
      <div class="gl" ?hidden=${this.mapState !== 'ready'} @keydown=${this.#glKeyboard}></div>
      <p class="visually-hidden" aria-live="polite">${this.mapState === 'ready' ? this.glAnnouncement : ''}</p>
      ${this.mapState === 'ready' ? this.#renderControls('on-map') : nothing}
      ${status ? html`<p class="map-status" role="status">${status}</p>` : nothing}
      <p part="attribution">${t.map.attribution}</p>
    </div>`;
  }

  #onPreviewKey = (e: KeyboardEvent): void => previewKeydown(e, this.#keys);

  /** The regional views with the number of stations in each: on a phone the world is too small to read Europe. */
  #renderRegions(view: View) {
    const t = this.t;
    const counts = regionCounts(view);
    const current = this.#region;
    return html`<div part="regions" class="regions" role="group" aria-label=${t.map.regionsLabel}>
      ${(Object.keys(REGIONS) as Region[]).map(
        (r) => html`<button type="button" aria-pressed=${r === current ? 'true' : 'false'} @click=${() => this.#chooseRegion(r)}>
          ${t.map.regions[r]} <span class="count">${counts[r]}</span>
        </button>`,
      )}
    </div>`;
  }

  /**
   * Zoom and reset, drawn twice: over the map's corner on wide screens, and under the map on
   * phones, where a column of buttons would hide a third of a small map. CSS shows one.
   */
  #renderControls(where: 'on-map' | 'in-toolbar') {
    const t = this.t;
    const gl = () => this.#gl.map;
    return html`<div class="controls ${where}">
      <button type="button" aria-label=${t.map.zoomIn} title=${t.map.zoomIn} @click=${() => gl()?.zoomBy(1)}>+</button>
      <button type="button" aria-label=${t.map.zoomOut} title=${t.map.zoomOut} @click=${() => gl()?.zoomBy(-1)}>−</button>
      <button type="button" part="reset" @click=${() => gl()?.reset(cameraOf(this.#view, mapSize(this.width), this.#region))}>${t.map.reset}</button>
    </div>`;
  }
}
