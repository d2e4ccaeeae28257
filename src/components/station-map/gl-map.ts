/**
 * The interactive map: MapLibre GL, imported only from here and only when a
 * reader starts to explore (a chunk of its own, with its worker emitted beside
 * it). The style has no tiles, glyphs or sprite: country shapes and stations
 * are GeoJSON, and the few labels (cluster counts, badges) are drawn on a canvas
 * in the element's own font and added as images.
 *
 * Why no text layers: every kind of layer costs a shader compile on first draw, and
 * without a GPU (software WebGL) MapLibre's text shaders and local glyph rendering
 * took about 0.8 s of the 2.4 s to interactive, the border lines another 0.2 s.
 */
import { Map as MapLibreMap, setWorkerUrl, type ExpressionSpecification, type GeoJSONSource, type LayerSpecification, type StyleSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Station } from '../../data/schema.js';
import { BADGE_BOX, RING, badgeSize, fixAntimeridian, hitRadius, levelFor, markerRadius, type Badge, type Camera, type Cluster, type Markers } from './geo.js';
// Vite inlines the stylesheet as text (the test runner does the same, see web-test-runner.config.mjs).
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';

/** Set by scripts/build.mjs in the library build; absent in the test runner, where MapLibre finds its own worker. */
declare const __OPS_MAPLIBRE_WORKER__: string | undefined;
/**
 * In the npm build, a literal `new URL('…/maplibre-gl/dist/maplibre-gl-worker.mjs', import.meta.url)`
 * written by the build: the app's bundler finds it in the app's own maplibre-gl and emits the
 * worker (MapLibre's own default, beside its module, is lost once a bundler has moved that module).
 */
declare const __OPS_NPM_MAPLIBRE_WORKER_URL__: URL | undefined;
if (typeof __OPS_MAPLIBRE_WORKER__ === 'string') {
  // The worker is emitted beside this chunk; a page on another origin than the script needs `worker-src` for it (README).
  setWorkerUrl(new URL(__OPS_MAPLIBRE_WORKER__, import.meta.url).href);
} else if (typeof __OPS_NPM_MAPLIBRE_WORKER_URL__ !== 'undefined') {
  setWorkerUrl(__OPS_NPM_MAPLIBRE_WORKER_URL__.href);
}

export interface GlMapOptions {
  container: HTMLElement;
  /** The element's shadow root, which adopts MapLibre's stylesheet. */
  root: ShadowRoot;
  camera: Camera;
  /** The world view: the reader may zoom out to it and no further. */
  world: Camera;
  size: [number, number];
  countries: FeatureCollection<Polygon | MultiPolygon>;
  hosts: string[];
  focus?: string;
  /** Clusters and badges at each level MIN_LEVEL…MAX_LEVEL (the same function the preview uses). */
  levels: Map<number, Markers>;
  badgeKey(badge: Badge): string;
  /** A cluster's bureau mix, [colour class, count] in ring order. */
  mix(stations: Station[]): [string, number][];
  /** Resolved value of one of the element's private colour tokens (`--_land`…). */
  colors(name: string): string;
  styleUrl?: string;
  selected: string[];
  /** A country selected in another widget of the group, outlined like `focus`. */
  selectedCountry?: string;
  label?: string;
  /** MapLibre's own UI texts (the cooperative-gestures hint), in the element's language. */
  gestureHint?: string;
  onSelect(key: string): void;
  onIdle(): void;
  onError(error: unknown): void;
}

export interface GlMap {
  readonly map: MapLibreMap;
  /** The map box changed size: show `camera`, and let the reader zoom out to `world`. */
  resize(camera: Camera, world: Camera): void;
  reset(camera: Camera): void;
  zoomBy(delta: number): void;
  /** Highlights what is selected: marker keys, and a country's outline (a selection from another widget). */
  setSelected(keys: string[], country?: string): void;
  /** Markers drawn in the current view, in CSS pixels from the map's top left (for keyboard moves). */
  markers(): { key: string; x: number; y: number }[];
  /** The keyboard focus ring on one marker (null: none). */
  setFocus(key: string | null): void;
  panBy(dx: number, dy: number): void;
  remove(): void;
}

const live = new Set<GlMap>();
/** Maps created and not yet removed on this page (tests check that removal frees them). */
export function liveMaps(): GlMap[] {
  return [...live];
}

let sheet: CSSStyleSheet | undefined;

function adoptCss(root: ShadowRoot): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(maplibreCss);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** True when the browser can create a WebGL context (the context is released at once). */
export function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}

/** The image that draws a cluster (ring by bureau, disc, count) or a station's dot: one per distinct look. */
function iconId(c: Cluster, o: GlMapOptions): string {
  return `ops-m-${c.stations.length}-${o.mix(c.stations).map(([cls, n]) => `${cls}.${n}`).join('-')}`;
}

function stationFeatures(o: GlMapOptions, selected: Set<string>): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const [level, { clusters }] of o.levels) {
    for (const c of clusters) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
        properties: {
          key: c.key,
          level,
          count: c.stations.length,
          icon: iconId(c, o),
          r: hitRadius(c.stations.length),
          sel: selected.has(c.key) || c.stations.some((s) => selected.has(`station:${s.id}`)),
        },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

function badgeFeatures(o: GlMapOptions, selected: Set<string>): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const [level, { badges }] of o.levels) {
    for (const b of badges) {
      const key = o.badgeKey(b);
      const label = String(b.stations.length);
      const [w, h] = badgeSize(label.length);
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [b.lon, b.lat] },
        // The same badge at every level where it stands clear: one key, so the focus ring follows it.
        properties: { key, level, label, w, h, sel: selected.has(key) },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

interface Drawn {
  image: ImageData;
  pixelRatio: number;
}

/** A canvas of `w` × `h` CSS pixels at the screen's pixel ratio, for an image MapLibre draws as an icon. */
function drawImage(w: number, h: number, draw: (ctx: CanvasRenderingContext2D) => void): Drawn {
  const pixelRatio = Math.max(1, Math.ceil(globalThis.devicePixelRatio || 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(w * pixelRatio);
  canvas.height = Math.ceil(h * pixelRatio);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(pixelRatio, pixelRatio);
  draw(ctx);
  return { image: ctx.getImageData(0, 0, canvas.width, canvas.height), pixelRatio };
}

/** The preview's marker text (bold 11 px, the element's font), centred on (x, y). */
function markerText(ctx: CanvasRenderingContext2D, label: string, x: number, y: number, color: string, o: GlMapOptions): void {
  ctx.font = `700 11px ${getComputedStyle(o.container).fontFamily}`;
  ctx.fillStyle = color;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, x, y);
}

/**
 * The preview's dashed "known only by country" box with its number (same size, colours and
 * dashes), so the badges do not change shape when MapLibre takes over; no sprite server.
 */
function badgeImage(label: string, selected: boolean, o: GlMapOptions): Drawn {
  const line = selected ? 3 : 1;
  const [w] = badgeSize(label.length);
  const bw = w - 4;
  return drawImage(bw + line, BADGE_BOX + line, (ctx) => {
    ctx.beginPath();
    ctx.roundRect(line / 2, line / 2, bw, BADGE_BOX, 3);
    ctx.fillStyle = o.colors('--_surface');
    ctx.fill();
    ctx.lineWidth = line;
    ctx.strokeStyle = o.colors(selected ? '--_accent' : '--_text');
    if (!selected) ctx.setLineDash([3, 2]);
    ctx.stroke();
    markerText(ctx, label, (bw + line) / 2, (BADGE_BOX + line) / 2, o.colors('--_text'), o);
  });
}

/** A cluster as the preview draws it: halo, ring divided by bureau from the top clockwise, disc and count; or a station's dot. */
function markerImage(c: Cluster, o: GlMapOptions): Drawn {
  const n = c.stations.length;
  const r = markerRadius(n);
  const size = 2 * r + 2;
  const m = size / 2;
  return drawImage(size, size, (ctx) => {
    const circle = (radius: number) => {
      ctx.beginPath();
      ctx.arc(m, m, radius, 0, 2 * Math.PI);
    };
    if (n === 1) {
      const [[cls]] = o.mix(c.stations) as [[string, number]];
      circle(r);
      ctx.fillStyle = o.colors(`--_${cls}`);
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = o.colors('--_surface');
      ctx.stroke();
      return;
    }
    circle(r);
    ctx.fillStyle = o.colors('--_surface');
    ctx.fill();
    let start = -Math.PI / 2;
    ctx.lineWidth = RING;
    for (const [cls, count] of o.mix(c.stations)) {
      const end = start + (2 * Math.PI * count) / n;
      ctx.beginPath();
      ctx.arc(m, m, r - RING / 2 - 1, start, end);
      ctx.strokeStyle = o.colors(`--_${cls}`);
      ctx.stroke();
      start = end;
    }
    circle(r - RING - 2);
    ctx.fillStyle = o.colors('--_cluster');
    ctx.fill();
    markerText(ctx, String(n), m, m, o.colors('--_cluster-text'), o);
  });
}

function addLabelImages(map: MapLibreMap, o: GlMapOptions): void {
  const add = (id: string, { image, pixelRatio }: Drawn) => map.addImage(id, image, { pixelRatio });
  const labels = new Set([...o.levels.values()].flatMap((m) => m.badges.map((b) => String(b.stations.length))));
  for (const label of labels) {
    for (const selected of [false, true]) add(`ops-badge-${selected ? 'sel-' : ''}${label}`, badgeImage(label, selected, o));
  }
  const drawn = new Set<string>();
  for (const { clusters } of o.levels.values()) {
    for (const c of clusters) {
      const id = iconId(c, o);
      if (!drawn.has(id)) add(id, markerImage(c, o)), drawn.add(id);
    }
  }
}

/** Our layers, added to the built-in basemap or to a newsroom's own style; each shows one cluster level (setLevel). */
function stationLayers(o: GlMapOptions, level: number): LayerSpecification[] {
  const c = o.colors;
  const focused = ['boolean', ['feature-state', 'focus'], false] as unknown as ExpressionSpecification;
  const atLevel = ['==', ['get', 'level'], level] as unknown as ExpressionSpecification;
  // Hit areas, carrying the selection and keyboard focus rings; what a marker looks like is its icon.
  const ring = {
    'circle-opacity': 0,
    'circle-stroke-color': ['case', focused, c('--_focus'), c('--_accent')] as ExpressionSpecification,
    'circle-stroke-width': 3,
    'circle-stroke-opacity': ['case', focused, 1, ['get', 'sel'], 1, 0] as ExpressionSpecification,
  };
  const icons = { 'icon-allow-overlap': true, 'icon-ignore-placement': true };
  return [
    { id: 'ops-markers', type: 'circle', source: 'ops-stations', filter: atLevel, paint: { 'circle-radius': ['get', 'r'], ...ring } },
    { id: 'ops-marker-icons', type: 'symbol', source: 'ops-stations', filter: atLevel, layout: { 'icon-image': ['get', 'icon'], ...icons } },
    {
      id: 'ops-badge-marks',
      type: 'circle',
      source: 'ops-badges',
      filter: atLevel,
      paint: { 'circle-radius': ['/', ['get', 'w'], 2], ...ring },
    },
    {
      id: 'ops-badges',
      type: 'symbol',
      source: 'ops-badges',
      filter: atLevel,
      layout: { 'icon-image': ['concat', 'ops-badge-', ['case', ['get', 'sel'], 'sel-', ''], ['get', 'label']], ...icons },
    },
  ];
}

/** The layers a click or the keyboard finds markers in. */
export const STATION_LAYERS = ['ops-markers'];
const MARKER_LAYERS = ['ops-markers', 'ops-marker-icons', 'ops-badge-marks', 'ops-badges'];

function builtInStyle(o: GlMapOptions): StyleSpecification {
  const c = o.colors;
  const countries = fixAntimeridian(o.countries);
  for (const f of countries.features) f.properties = { code: (f.id as string | undefined) ?? '' };
  return {
    version: 8,
    // No `glyphs` and no `sprite`: there is no text layer, and MapLibre asks no server for anything.
    sources: { 'ops-countries': { type: 'geojson', data: countries } },
    layers: [
      { id: 'ops-water', type: 'background', paint: { 'background-color': c('--_water') } },
      {
        id: 'ops-land',
        type: 'fill',
        source: 'ops-countries',
        paint: {
          'fill-color': ['case', ['in', ['get', 'code'], ['literal', o.hosts]], c('--_host'), c('--_land')],
          // Borders as the fill's hairline outline: a line layer would be one more shader to compile.
          'fill-outline-color': c('--_line'),
        },
      },
      {
        id: 'ops-focus',
        type: 'line',
        source: 'ops-countries',
        // Shapes without a code (N. Cyprus, Somaliland) have code '', which must never match.
        filter: ['==', ['get', 'code'], o.focus ?? '-'],
        paint: { 'line-color': c('--_text'), 'line-width': 1.25 },
      },
    ],
  };
}

export function createGlMap(o: GlMapOptions): GlMap {
  adoptCss(o.root);
  let selected = new Set(o.selected);
  const map = new MapLibreMap({
    container: o.container,
    style: o.styleUrl || builtInStyle(o),
    center: o.camera.center,
    zoom: o.camera.zoom,
    minZoom: Math.max(-2, o.world.zoom - 0.5),
    maxZoom: 12,
    renderWorldCopies: false,
    attributionControl: false,
    cooperativeGestures: true,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    fadeDuration: 0,
    ...(o.gestureHint
      ? {
          locale: {
            'CooperativeGesturesHandler.WindowsHelpText': o.gestureHint,
            'CooperativeGesturesHandler.MacHelpText': o.gestureHint,
            'CooperativeGesturesHandler.MobileHelpText': o.gestureHint,
          },
        }
      : {}),
  });
  let removed = false;
  let loaded = false;
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  if (o.label) map.getCanvas().setAttribute('aria-label', o.label);

  map.on('load', () => {
    loaded = true;
    // promoteId: the keyboard focus ring is feature state, keyed like the preview's markers.
    map.addSource('ops-stations', { type: 'geojson', data: stationFeatures(o, selected), promoteId: 'key' });
    map.addSource('ops-badges', { type: 'geojson', data: badgeFeatures(o, selected), promoteId: 'key' });
    addLabelImages(map, o);
    level = levelFor(map.getZoom());
    for (const layer of stationLayers(o, level)) map.addLayer(layer);
    outline();
    map.once('idle', () => o.onIdle());
  });
  // One cluster level at a time: the filters follow the zoom (levels below 0 cannot be layer zoom ranges).
  let level = 0;
  map.on('zoom', () => {
    const next = levelFor(map.getZoom());
    if (!loaded || next === level || !map.getLayer('ops-markers')) return;
    level = next;
    for (const id of MARKER_LAYERS) map.setFilter(id, ['==', ['get', 'level'], level]);
  });
  map.on('error', (event) => {
    if (!loaded) o.onError(event.error);
  });
  const hit = (point: { x: number; y: number }) =>
    map.queryRenderedFeatures(
      [
        [point.x - 6, point.y - 6],
        [point.x + 6, point.y + 6],
      ],
      { layers: [...STATION_LAYERS, 'ops-badge-marks'] },
    )[0];
  map.on('click', (event) => {
    const key = hit(event.point)?.properties['key'];
    if (typeof key === 'string') o.onSelect(key);
  });
  map.on('mousemove', (event) => {
    map.getCanvas().style.cursor = hit(event.point) ? 'pointer' : '';
  });

  const refresh = () => {
    if (!loaded) return;
    (map.getSource('ops-stations') as GeoJSONSource | undefined)?.setData(stationFeatures(o, selected));
    (map.getSource('ops-badges') as GeoJSONSource | undefined)?.setData(badgeFeatures(o, selected));
  };
  const reduced = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

  let focus: { source: string; id: string } | null = null;
  let outlined = o.selectedCountry;
  const outline = () => {
    // Only the built-in style has the outline layer; a newsroom's own basemap keeps its look.
    if (map.getLayer('ops-focus')) map.setFilter('ops-focus', ['in', ['get', 'code'], ['literal', [o.focus ?? '-', outlined ?? '-']]]);
  };

  const handle: GlMap = {
    map,
    resize(camera, world) {
      map.resize();
      map.setMinZoom(Math.max(-2, world.zoom - 0.5));
      map.jumpTo(camera);
    },
    reset(camera) {
      map.easeTo({ ...camera, duration: reduced() ? 0 : 400 });
    },
    zoomBy(delta) {
      map.easeTo({ zoom: map.getZoom() + delta, duration: reduced() ? 0 : 250 });
    },
    setSelected(keys, country) {
      selected = new Set(keys);
      outlined = country;
      refresh();
      outline();
    },
    markers() {
      if (!loaded) return [];
      const seen = new Map<string, { key: string; x: number; y: number }>();
      const { width, height } = map.getCanvas().getBoundingClientRect();
      for (const f of map.queryRenderedFeatures({ layers: [...STATION_LAYERS, 'ops-badge-marks'] })) {
        const key = f.properties['key'];
        if (typeof key !== 'string' || seen.has(key)) continue;
        const { x, y } = map.project((f.geometry as Point).coordinates as [number, number]);
        if (x >= 0 && y >= 0 && x <= width && y <= height) seen.set(key, { key, x, y });
      }
      return [...seen.values()];
    },
    setFocus(key) {
      if (!loaded) return;
      if (focus) map.removeFeatureState(focus, 'focus');
      focus = key ? { source: key.startsWith('badge:') ? 'ops-badges' : 'ops-stations', id: key } : null;
      if (focus) map.setFeatureState(focus, { focus: true });
    },
    panBy(dx, dy) {
      map.panBy([dx, dy], { duration: reduced() ? 0 : 200 });
    },
    remove() {
      if (removed) return;
      removed = true;
      map.remove();
      live.delete(handle);
    },
  };
  live.add(handle);
  return handle;
}
