/**
 * The map's keyboard: one set of rules for the SVG preview and for MapLibre, so the map does
 * not change them when MapLibre takes over. Arrows move between markers (to the nearest one in
 * that direction), Enter or Space shows details, Escape clears; in the preview + and − open
 * MapLibre, in MapLibre Shift + arrows pan and + and − zoom (MapLibre's own keys).
 */
import { ARROW_DIRECTIONS, nextInDirection } from './geo.js';
import type { GlMap } from './gl-map.js';

export interface KeyboardHost {
  /** Opens MapLibre (the preview's + and −). */
  loadMap(): void;
  hasSelection(): boolean;
  clearSelection(): void;
  /** The preview marker that keeps the Tab stop. */
  setFocusKey(key: string): void;
  /** Selects what a marker key names (MapLibre's Enter). */
  selectKey(key: string): void;
  /** Says what MapLibre's focus ring is on, for screen readers (the canvas has no elements to focus). */
  announce(key: string | null): void;
}

/** Keydown on the preview's SVG: its markers are `[data-key]` groups with their position in `data-x`/`data-y`. */
export function previewKeydown(e: KeyboardEvent, host: KeyboardHost): void {
  const svg = e.currentTarget as SVGSVGElement;
  const items = [...svg.querySelectorAll<SVGGElement>('[data-key]')];
  const current = (e.target as Element).closest<SVGGElement>('[data-key]');
  if (e.key === '+' || e.key === '=' || e.key === '-' || e.key === '−') {
    e.preventDefault();
    host.loadMap();
    return;
  }
  if (e.key === 'Escape') {
    if (host.hasSelection()) host.clearSelection();
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
  host.setFocusKey(next.dataset.key!);
  next.focus();
}

/**
 * Keys on MapLibre's box. A listener object in the capture phase, so it runs before MapLibre's
 * own arrow-key panning; it remembers which marker has the focus ring.
 */
export class GlKeyboard {
  readonly capture = true;
  #focus?: { key: string; x: number; y: number };

  constructor(
    private readonly host: KeyboardHost,
    /** The interactive map while it is ready, else undefined. */
    private readonly gl: () => GlMap | undefined,
  ) {}

  handleEvent = (e: KeyboardEvent): void => {
    const gl = this.gl();
    if (!gl || e.altKey || e.ctrlKey || e.metaKey) return;
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
      const current = this.#focus && markers.find((mk) => mk.key === this.#focus!.key);
      const canvas = gl.map.getCanvas().getBoundingClientRect();
      // First press, or the focused marker merged into a cluster after a zoom: start from where focus was (or the centre).
      const from = current ?? this.#focus ?? { x: canvas.width / 2, y: canvas.height / 2 };
      const next = current
        ? nextInDirection(markers.filter((mk) => mk !== current), from, dir)
        : markers.sort((a, b) => Math.hypot(a.x - from.x, a.y - from.y) - Math.hypot(b.x - from.x, b.y - from.y))[0];
      if (!next) return;
      this.#focus = next;
      gl.setFocus(next.key);
      this.host.announce(next.key);
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && this.#focus) {
      e.preventDefault();
      e.stopPropagation();
      this.host.selectKey(this.#focus.key);
      return;
    }
    if (e.key === 'Escape') {
      this.#focus = undefined;
      gl.setFocus(null);
      this.host.announce(null);
      if (this.host.hasSelection()) this.host.clearSelection();
    }
  };
}
