/**
 * Group selection: widgets with the same `group` share one selection through
 * `ops-select` events on `document`. The last selection per group is kept so
 * a widget that connects later starts in step with the others.
 */
export type SelectionKind = 'station' | 'country' | 'event' | 'source' | null;

export interface OpsSelectDetail {
  group: string | null;
  kind: SelectionKind;
  id: string | null;
  /** The country of a selected station, so country-level widgets follow too. */
  country?: string;
}

export const SELECT_EVENT = 'ops-select';

const lastByGroup = new Map<string, { detail: OpsSelectDetail; from: HTMLElement }>();

/** The group's last selection, unless `reader` made it itself (it already shows it). */
export function lastSelection(group: string, reader: HTMLElement): OpsSelectDetail | undefined {
  const last = lastByGroup.get(group);
  return last && last.from !== reader ? last.detail : undefined;
}

/** Whether `event` was fired by `element` itself (seen through any shadow roots it crossed). */
export function firedBy(event: Event, element: HTMLElement): boolean {
  return event.composedPath()[0] === element;
}

/** Fires `ops-select` from `from` (bubbles, composed), and remembers it for its group. */
export function emitSelect(from: HTMLElement, detail: OpsSelectDetail): void {
  if (detail.group) lastByGroup.set(detail.group, { detail, from });
  from.dispatchEvent(new CustomEvent<OpsSelectDetail>(SELECT_EVENT, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'ops-select': CustomEvent<OpsSelectDetail>;
  }
  interface DocumentEventMap {
    'ops-select': CustomEvent<OpsSelectDetail>;
  }
}
