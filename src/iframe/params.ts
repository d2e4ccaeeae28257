/** Query-string handling for the iframe route (pure functions, tested directly). */

/** The widgets the iframe route may render (short name → tag). */
export const WIDGETS: Record<string, string> = {
  'station-map': 'ops-station-map',
  'country-table': 'ops-country-table',
  'repatriation-timeline': 'ops-repatriation-timeline',
  'source-card': 'ops-source-card',
};

/** `country-table` or `ops-country-table` → `ops-country-table`; anything else → null. */
export function resolveWidget(name: string | null): string | null {
  if (!name) return null;
  const short = name.trim().toLowerCase().replace(/^ops-/, '');
  return Object.hasOwn(WIDGETS, short) ? WIDGETS[short]! : null;
}

/** Attributes that would run code, restyle the widget or break out of it: never taken from the URL. */
const DENIED = new Set(['style', 'class', 'id', 'slot', 'is', 'part', 'exportparts', 'tabindex', 'contenteditable', 'popover', 'autofocus', 'nonce', 'data']);

/**
 * Every query parameter but `widget` becomes an attribute of the element, so any
 * attribute of any widget works without a list here (`?theme=dark&plain&for=NL`).
 * Event handlers (`on…`) and styling attributes are refused; `src` (the dataset)
 * must be on the frame's own origin, so nobody can frame another dataset under
 * this site's name.
 */
export function embedAttributes(params: URLSearchParams, pageUrl: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const [rawName, value] of params) {
    const name = rawName.toLowerCase();
    if (name === 'widget' || seen.has(name)) continue;
    if (!/^[a-z][a-z0-9-]*$/.test(name) || name.startsWith('on') || DENIED.has(name)) continue;
    if (name === 'src') {
      let url: URL;
      try {
        url = new URL(value, pageUrl);
      } catch {
        continue;
      }
      if (url.origin !== new URL(pageUrl).origin) continue;
      seen.add(name);
      out.push([name, url.href]);
      continue;
    }
    seen.add(name);
    out.push([name, value]);
  }
  return out;
}
