/**
 * The iframe route (dist/embed/index.html → dist/embed/frame.js): renders one
 * widget full width from the query string, e.g.
 * `index.html?widget=country-table&theme=dark&lang=zh-Hans&sort=country`,
 * or from a page of its own (dist/embed/country-table/, which names its widget
 * in `data-widget`: the oEmbed route), and posts its height to the parent
 * whenever it changes, in the AMP `embed-size` format and, when WordPress framed
 * it (a `secret` in the URL's hash), in WordPress's. ops.js (loaded by the same
 * page) loads the element's code.
 *
 * Privacy: the page reads nothing about its parent (no URL, no title, no
 * referrer) and sends nothing anywhere but its own height to `parent`.
 */
import { elementName, ELEMENT_NAMES, EMBEDDED_DATASET } from '../elements.js';
import { embedAttributes, resolveWidget, wordpressSecret } from './params.js';

function render(): void {
  const params = new URLSearchParams(location.search);
  const mount = document.getElementById('widget');
  if (!mount) return;
  const widget = mount.dataset.widget ?? params.get('widget');
  const tag = resolveWidget(widget);
  if (!tag) {
    const message = document.createElement('p');
    message.className = 'frame-error';
    message.textContent = `Unknown widget "${params.get('widget') ?? ''}". Use widget=${ELEMENT_NAMES.join(', ')}.`;
    mount.replaceChildren(message);
    return;
  }
  // A widget's own page may carry defaults for its framed view (data-defaults, a query string);
  // the page's query string still wins, since the first value of a name is the one kept.
  const withDefaults = new URLSearchParams([...params, ...new URLSearchParams(mount.dataset.defaults ?? '')]);
  const attributes = embedAttributes(withDefaults, location.href, elementName(widget));
  // The page ships its default view rendered (scripts/embed-pages.ts): kept when the query string
  // asks for nothing else, so the reader sees no change when the code arrives.
  const rendered = mount.querySelector(tag);
  const defaults = embedAttributes(new URLSearchParams(mount.dataset.defaults ?? ''), location.href, elementName(widget));
  if (rendered && JSON.stringify(attributes) === JSON.stringify(defaults)) return;
  const el = document.createElement(tag);
  for (const [name, value] of attributes) el.setAttribute(name, value);
  // The dataset the server rendered from goes with the new element: it reads those bytes (src/data/load.ts)
  // instead of downloading the same file again, and ops.js preloads nothing for it.
  // (A query string naming another dataset, src=, fetches that one as usual.)
  const embedded = el.hasAttribute('src') ? null : rendered?.querySelector(`:scope > ${EMBEDDED_DATASET}`);
  if (embedded) el.append(embedded);
  const lang = el.getAttribute('lang');
  if (lang) document.documentElement.lang = lang;
  mount.replaceChildren(el);
}

/** Posts the height to the parent each time it changes, as AMP's `embed-size` and, for WordPress, its `height`. */
function reportHeight(): void {
  if (window.parent === window) return;
  const secret = wordpressSecret(location.hash);
  let last = -1;
  // '*': the height is not private, and knowing the parent's origin would mean reading it.
  const send = (height: number): void => {
    window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
    if (secret) window.parent.postMessage({ message: 'height', value: height, secret }, '*');
  };
  const post = (): void => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last || height <= 0) return;
    last = height;
    send(height);
  };
  if (secret) {
    window.addEventListener('message', (event) => {
      const data = event.data as { message?: unknown; secret?: unknown } | null;
      if (event.source === window.parent && data?.message === 'ready' && data.secret === secret && last > 0) send(last);
    });
  }
  const observer = new ResizeObserver(post);
  observer.observe(document.documentElement);
  if (document.body) observer.observe(document.body);
  post();
}

render();
reportHeight();
