/**
 * The iframe route (dist/embed/index.html → dist/embed/frame.js): renders one
 * widget full width from the query string, e.g.
 * `index.html?widget=country-table&theme=dark&lang=zh-Hans&sort=country`,
 * and posts its height to the parent in the AMP `embed-size` format whenever
 * it changes. ops.js (loaded by the same page) loads the element's code.
 *
 * Privacy: the page reads nothing about its parent (no URL, no title, no
 * referrer) and sends nothing anywhere but its own height to `parent`.
 */
import { ELEMENT_NAMES } from '../elements.js';
import { embedAttributes, resolveWidget } from './params.js';

function render(): void {
  const params = new URLSearchParams(location.search);
  const tag = resolveWidget(params.get('widget'));
  const mount = document.getElementById('widget');
  if (!mount) return;
  if (!tag) {
    const message = document.createElement('p');
    message.className = 'frame-error';
    message.textContent = `Unknown widget "${params.get('widget') ?? ''}". Use widget=${ELEMENT_NAMES.join(', ')}.`;
    mount.replaceChildren(message);
    return;
  }
  const el = document.createElement(tag);
  for (const [name, value] of embedAttributes(params, location.href)) el.setAttribute(name, value);
  const lang = el.getAttribute('lang');
  if (lang) document.documentElement.lang = lang;
  mount.replaceChildren(el);
}

/** Posts `{sentinel:'amp', type:'embed-size', height}` to the parent each time the height changes. */
function reportHeight(): void {
  if (window.parent === window) return;
  let last = -1;
  const post = (): void => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last || height <= 0) return;
    last = height;
    // '*': the height is not private, and knowing the parent's origin would mean reading it.
    window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
  };
  const observer = new ResizeObserver(post);
  observer.observe(document.documentElement);
  if (document.body) observer.observe(document.body);
  post();
}

render();
reportHeight();
