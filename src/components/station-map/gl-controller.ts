/**
 * When and how MapLibre starts: on a tap, a pinch, Ctrl + wheel, the "Explore" button or, with
 * `autoload`, when the map nears the viewport; and when it stops (disconnect, new filters). The
 * map itself is gl-map.ts, imported only here and only then: the preview never pays for it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MAX_LEVEL, MIN_LEVEL, type Camera, type Markers } from './geo.js';
import type { GlMap, GlMapOptions } from './gl-map.js';
import { badgeKey, bureauMix, cameraOf, markersAt, type View } from './view.js';

export type MapState = 'preview' | 'loading' | 'ready' | 'failed' | 'no-webgl' | 'static';

/** A tap: pointer up within this distance and time of pointer down (a scroll that starts on the map is not one). */
const TAP_PX = 10;
const TAP_MS = 500;

export interface GlHost extends ReactiveControllerHost, HTMLElement {
  mapState: MapState;
  staticMap: boolean;
  autoload: boolean;
  basemap: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What MapLibre is built from: the preview's view and camera, so it starts where the preview is. */
export interface GlInput {
  view: View;
  size: [number, number];
  camera: Camera;
  selected: string[];
  selectedCountry: string | undefined;
  label: string;
  gestureHint: string;
  onSelect(key: string): void;
}

export class GlController implements ReactiveController {
  #gl?: GlMap;
  /** Counts loads: a load that finishes after a newer one began (or a removal) is dropped. */
  #token = 0;
  #near?: IntersectionObserver;
  #isNear = false;
  #autoloaded = false;
  #down?: { x: number; y: number; t: number };
  #pinch = false;

  constructor(
    private readonly host: GlHost,
    /** The inputs for MapLibre, or undefined while the preview cannot be drawn yet (no data or outlines). */
    private readonly input: () => GlInput | undefined,
  ) {
    host.addController(this);
  }

  /** The interactive map, once created (it may still be loading its style). */
  get map(): GlMap | undefined {
    return this.#gl;
  }

  hostConnected(): void {
    this.#near ??= new IntersectionObserver(
      (entries) => {
        this.#isNear = entries.at(-1)!.isIntersecting;
        this.autoload();
      },
      { rootMargin: '200px' },
    );
    this.#near.observe(this.host);
  }

  hostDisconnected(): void {
    this.#near?.disconnect();
    this.#near = undefined;
    this.#isNear = this.#autoloaded = false;
    this.remove();
  }

  /** `autoload`: MapLibre starts once the map is near the viewport and its preview can be drawn (data and outlines in). */
  autoload(): void {
    if (!this.host.autoload || this.#autoloaded || !this.#isNear || !this.input()) return;
    this.#autoloaded = true;
    void this.load();
  }

  /** Filters, colours and labels change what MapLibre draws: it is rebuilt from the same view as the preview. */
  rebuild(): void {
    if (!this.#gl) return;
    this.remove();
    void this.load();
  }

  /** Loads MapLibre and replaces the preview (no-op when `static`, already loaded, or WebGL is missing). */
  async load(): Promise<void> {
    const host = this.host;
    if (host.staticMap || this.#gl || host.mapState === 'loading' || host.mapState === 'no-webgl') return;
    const input = this.input();
    if (!input) return;
    const { view, size } = input;
    const token = ++this.#token;
    host.mapState = 'loading';
    try {
      const gl = await import('./gl-map.js');
      if (token !== this.#token || !host.isConnected) return;
      // Rendered by now, also when the load began just before the preview's first render (`autoload`).
      const box = host.renderRoot.querySelector<HTMLElement>('.gl');
      if (!box) throw new Error('the map box is missing');
      if (!gl.webglAvailable()) {
        host.mapState = 'no-webgl';
        return;
      }
      const levels = new Map<number, Markers>();
      for (let level = MIN_LEVEL; level <= MAX_LEVEL; level++) levels.set(level, markersAt(view, level));
      const options: GlMapOptions = {
        container: box,
        root: host.renderRoot as ShadowRoot,
        camera: input.camera,
        world: cameraOf(view, size),
        size,
        countries: view.geo.countries,
        hosts: [...view.hosts],
        focus: view.focus?.id as string | undefined,
        levels,
        badgeKey,
        mix: (stations) => bureauMix(view, stations),
        colors: (name) => getComputedStyle(host).getPropertyValue(name).trim(),
        styleUrl: host.basemap,
        label: input.label,
        gestureHint: input.gestureHint,
        selected: input.selected,
        selectedCountry: input.selectedCountry,
        onSelect: input.onSelect,
        onIdle: () => {
          if (token === this.#token && host.mapState === 'loading') host.mapState = 'ready';
        },
        onError: (error) => {
          console.error('[overseas-police-stations] the interactive map failed', error);
          if (token === this.#token) {
            this.remove();
            host.mapState = 'failed';
          }
        },
      };
      this.#gl = gl.createGlMap(options);
    } catch (error) {
      console.error('[overseas-police-stations] the interactive map could not be loaded', error);
      if (token === this.#token) host.mapState = 'failed';
    }
  }

  /** Removes MapLibre (its WebGL context with it) and goes back to the preview. */
  remove(): void {
    this.#token++;
    this.#gl?.remove();
    this.#gl = undefined;
    if (this.host.mapState === 'loading' || this.host.mapState === 'ready') this.host.mapState = 'preview';
  }

  // Gestures on the map box that start MapLibre: a tap, Ctrl + wheel (a zoom), a pinch.

  onPointerDown = (e: PointerEvent): void => {
    if (e.isPrimary) this.#down = { x: e.clientX, y: e.clientY, t: e.timeStamp };
  };

  onPointerUp = (e: PointerEvent): void => {
    const down = this.#down;
    this.#down = undefined;
    if (!down || !e.isPrimary) return;
    if (Math.hypot(e.clientX - down.x, e.clientY - down.y) <= TAP_PX && e.timeStamp - down.t <= TAP_MS) void this.load();
  };

  onPointerCancel = (): void => {
    this.#down = undefined;
  };

  onWheel = (e: WheelEvent): void => {
    if (e.ctrlKey && !this.#gl) {
      e.preventDefault();
      void this.load();
    }
  };

  onTouchStart = (e: TouchEvent): void => {
    if (e.touches.length >= 2 && !this.#pinch) {
      this.#pinch = true;
      void this.load();
    }
  };
}
