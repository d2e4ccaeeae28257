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

const lastByGroup = new Map<string, OpsSelectDetail>();

export function lastSelection(group: string): OpsSelectDetail | undefined {
  return lastByGroup.get(group);
}

/** Fires `ops-select` from `from` (bubbles, composed), and remembers it for its group. */
export function emitSelect(from: HTMLElement, detail: OpsSelectDetail): void {
  if (detail.group) lastByGroup.set(detail.group, detail);
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
