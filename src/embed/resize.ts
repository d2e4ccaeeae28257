/**
 * dist/embed/resize.js — for host pages that embed widgets with the iframe
 * route. Include it once, anywhere on the page:
 *
 *   <script src="https://YOUR-HOST/overseas-police-stations/embed/resize.js" async></script>
 *
 * It sets the height of each `<iframe data-ops-embed>` from the AMP
 * `embed-size` messages that iframe posts. A message counts only when it
 * comes from that iframe's own window (`event.source`) and origin, and only
 * with a sane height; anything else is ignored. It sends nothing.
 */
const MAX_HEIGHT = 20000;

type Flagged = Window & { __opsResize?: boolean };

function saneHeight(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const height = Math.ceil(value);
  return height >= 1 && height <= MAX_HEIGHT ? height : null;
}

function originOf(frame: HTMLIFrameElement): string | null {
  try {
    return new URL(frame.src, document.baseURI).origin;
  } catch {
    return null;
  }
}

function onMessage(event: MessageEvent): void {
  const data = event.data as { sentinel?: unknown; type?: unknown; height?: unknown } | null;
  if (!data || typeof data !== 'object' || data.sentinel !== 'amp' || data.type !== 'embed-size') return;
  if (!event.source) return;
  const height = saneHeight(data.height);
  if (height === null) return;
  for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-ops-embed]')) {
    if (frame.contentWindow !== event.source) continue;
    if (originOf(frame) !== event.origin) return;
    // CSSOM, not a style attribute: allowed under a strict style-src.
    frame.style.height = `${height}px`;
    return;
  }
}

const win = window as Flagged;
if (!win.__opsResize) {
  win.__opsResize = true;
  window.addEventListener('message', onMessage);
}
