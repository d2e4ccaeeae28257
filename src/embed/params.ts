/** Query-string handling for the iframe route (pure functions, tested directly). */
import { attributesOf, elementName, ELEMENTS, type Accepts } from '../elements.js';

/** `country-table` or `ops-country-table` → `ops-country-table`; anything else → null. */
export function resolveWidget(name: string | null): string | null {
  const short = elementName(name);
  return short ? ELEMENTS[short].tag : null;
}

/** The value to set when `value` is acceptable, else null. URLs are resolved and kept to the frame's own origin. */
function accepted(accepts: Accepts, value: string, pageUrl: string): string | null {
  switch (accepts.type) {
    case 'boolean':
      return '';
    case 'enum':
      return accepts.values.includes(value) ? value : null;
    case 'pattern':
      return new RegExp(accepts.pattern).test(value) ? value : null;
    case 'url': {
      // Another origin's dataset or style would appear under this site's name, and be fetched by it.
      let url: URL;
      try {
        url = new URL(value, pageUrl);
      } catch {
        return null;
      }
      return url.origin === new URL(pageUrl).origin ? url.href : null;
    }
  }
}

/**
 * The attributes the query string sets on the widget: only those the registry lists for that
 * element (src/elements.ts), each with a value it accepts (`?theme=dark&plain&country=NL`).
 * Anything else — event handlers, styling, unknown names, values out of range — is dropped.
 */
export function embedAttributes(params: URLSearchParams, pageUrl: string, widget = elementName(params.get('widget'))): Array<[string, string]> {
  if (!widget) return [];
  const allowed = attributesOf(widget);
  const out: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const [rawName, value] of params) {
    const name = rawName.toLowerCase();
    if (seen.has(name) || !Object.hasOwn(allowed, name)) continue;
    const set = accepted(allowed[name]!, value, pageUrl);
    if (set === null) continue;
    seen.add(name);
    out.push([name, set]);
  }
  return out;
}

/**
 * WordPress frames an oEmbed page from a provider it does not know with `#?secret=…` in the URL
 * and shows it only once the frame posts `{ message: 'height', value, secret }` (it sends
 * `{ message: 'ready', secret }` when it is ready to listen). Only that shape, letters and digits.
 */
export function wordpressSecret(hash: string): string | null {
  const secret = new URLSearchParams(hash.replace(/^#\??/, '')).get('secret');
  return secret && /^[a-zA-Z0-9]+$/.test(secret) ? secret : null;
}
