import { css, unsafeCSS, type CSSResultOrNative } from 'lit';

/**
 * `rem` inside a shadow root still means the page's root font size, which themes shrink
 * (`html { font-size: 62.5% }`). rootRelative() rewrites every `1.5rem` in a component's
 * styles to `calc(1.5 * var(--ops-internal-rem))`, a registered length set to the host's font
 * size (the reader's default, `medium`, unless --ops-font-size says otherwise) and inherited as
 * pixels. Media and container queries keep rem (there it means the browser default already).
 * Without CSS.registerProperty the styles stay as written.
 */
const REM_PROPERTY = '--ops-internal-rem';
let remRegistered: boolean | undefined;
function registerRem(): boolean {
  if (remRegistered !== undefined) return remRegistered;
  try {
    CSS.registerProperty({ name: REM_PROPERTY, syntax: '<length>', inherits: true, initialValue: '16px' });
    remRegistered = true;
  } catch (error) {
    // Registered already: a second copy of the library on the page did it, with the same meaning.
    remRegistered = error instanceof DOMException && error.name === 'InvalidModificationError';
  }
  return remRegistered;
}

const REM = /@(?:media|container|supports)[^{]*\{|(?<![\w.-])(-?(?:\d+\.?\d*|\.\d+))rem\b/g;

export function rootRelativeCss(cssText: string): string {
  return cssText.replace(REM, (match, number: string | undefined) => (number === undefined ? match : `calc(${number} * var(${REM_PROPERTY}))`));
}

/**
 * One rewritten copy per style, shared by every element that uses it (the base styles are in
 * all four): one constructed stylesheet for the page, not one per element class.
 */
const rewritten = new WeakMap<object, CSSResultOrNative>();

export function rootRelative(styles: CSSResultOrNative[]): CSSResultOrNative[] {
  if (typeof CSS === 'undefined' || typeof CSS.registerProperty !== 'function' || !registerRem()) return styles;
  return styles.map((style) => {
    if (style instanceof CSSStyleSheet) return style;
    let copy = rewritten.get(style);
    if (!copy) rewritten.set(style, (copy = unsafeCSS(rootRelativeCss(style.cssText))));
    return copy;
  });
}

/**
 * Public tokens (`--ops-*`) feed private ones (`--_*`) on :host, so a page
 * sets one property and every rule follows. Dark values apply for
 * theme="dark", and for theme="auto" when the reader's system is dark.
 */
const dark = css`
  --_accent: var(--ops-accent, #ff8f7a);
  --_text: var(--ops-text, #ecebe8);
  --_muted: var(--ops-muted, #b4b2ad);
  --_surface: var(--ops-surface, #18191b);
  --_surface-alt: var(--ops-surface-alt, #25272a);
  --_border: var(--ops-border, #45474b);
  --_focus: var(--ops-focus, #8ab4ff);
  --_warning-bg: #3a2a12;
  --_warning-text: #ffd9a0;
  --_error-bg: #3b1a1a;
  --_error-text: #ffc9c2;
  --_kind-ngo: #6fd0b4;
  --_kind-news: #9dbcf0;
  --_kind-government: #c9b1f0;
  --_kind-official: #ff9c8f;
  --_kind-other: #c2c2c2;
  color-scheme: dark;
`;

/** The controls that `static` and print leave out (by part name, so the list holds for every element). */
const CONTROLS = [
  "label:has([part~='search'])",
  "[part~='download']",
  "[part~='more']",
  "[part~='list-toggle']",
  "[part~='explore']",
  "[part~='reset']",
  "[part~='controls']",
  "[part~='tooltip']",
  '.retry',
];

function hideControls(scope: string) {
  return unsafeCSS(`${CONTROLS.map((selector) => scope + selector).join(',')}{display:none !important}`);
}

export const baseStyles = css`
  :host {
    --_accent: var(--ops-accent, #a4161a);
    --_text: var(--ops-text, #1b1b1b);
    --_muted: var(--ops-muted, #595959);
    --_surface: var(--ops-surface, #ffffff);
    --_surface-alt: var(--ops-surface-alt, #f3f2ef);
    --_border: var(--ops-border, #d3d1cc);
    --_focus: var(--ops-focus, #1a5fb4);
    --_font: var(--ops-font-family, inherit);
    --_radius: var(--ops-radius, 4px);
    --_warning-bg: #fff4df;
    --_warning-text: #5b3b00;
    --_error-bg: #fdecea;
    --_error-text: #7a1712;
    --_kind-ngo: #1d6a57;
    --_kind-news: #2f5288;
    --_kind-government: #5f4390;
    --_kind-official: #a4161a;
    --_kind-other: #5e5e5e;
    color-scheme: light;
    display: block;
    max-inline-size: 100%;
    font-family: var(--_font);
    /*
     * Host pages style the host element itself ("* { line-height: 3 }", "html { font-size: 62.5% }"),
     * and inherited properties would carry that into the shadow tree. !important in :host wins over
     * the page's rules, its !important ones included. "medium" is the reader's default font size,
     * whatever the page's root size; rem inside the widgets means the same (see rootRelative()).
     * The font family is inherited on purpose; theme the rest with the --ops-* properties.
     */
    box-sizing: border-box !important;
    font-size: var(--ops-font-size, medium) !important;
    --ops-internal-rem: 1em;
    line-height: 1.45 !important;
    font-weight: normal !important;
    font-style: normal !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-indent: 0 !important;
    text-shadow: none !important;
    white-space: normal !important;
    text-align: start !important;
    color: var(--_text) !important;
    background: var(--_surface) !important;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  button {
    font: inherit;
    color: inherit;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  [part='loading'] {
    display: grid;
    place-items: center;
    min-block-size: var(--ops-height, var(--_loading-height, 12rem));
    color: var(--_muted);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  [part='error'] {
    min-block-size: var(--ops-height, auto);
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--_error-text);
    background: var(--_error-bg);
    color: var(--_error-text);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  [part='error'] strong {
    display: block;
  }
  [part='error'] p {
    margin: 0.25rem 0 0;
  }
  .retry {
    margin-block-start: 0.5rem;
    padding: 0.25rem 0.75rem;
    min-block-size: 2.25rem;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .notice {
    margin: 0.5rem 0 0;
    padding: 0.25rem 0.5rem;
    font-size: 0.875em;
    background: var(--_warning-bg);
    color: var(--_warning-text);
    border-radius: var(--_radius);
  }
  /* The widget's own title, above its summary (hidden with plain). */
  .title {
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
    /* Lines of even length: no lone character on a title's last line (Chinese breaks anywhere). */
    text-wrap: balance;
  }
  [part='credit'] {
    margin: 0.5rem 0 0;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  [part='credit'] a {
    color: inherit;
  }
  .note {
    margin: 0.5rem 0 0;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  /*
   * static attribute (snapshots, newsletters) and print: the data without the controls. Generic by
   * part name, so it holds for every element: search, download, "show all", map and timeline
   * controls, tooltips and "Try again" go; sort headers read as plain text. Only the attribute
   * matters here; an element that also changes behaviour declares its own property for it
   * (the map's \`staticMap\`).
   */
  ${hideControls(':host([static]) ')}
  @media print {
    :host {
      --_surface: #fff;
      --_surface-alt: #fff;
      --_text: #000;
      --_muted: #333;
      break-inside: auto;
      print-color-adjust: exact;
    }
    ${hideControls('')}
    th button {
      border: 0;
      background: none;
      padding: 0;
    }
    tr,
    [part~='card'] {
      break-inside: avoid;
    }
  }
  @media (forced-colors: active) {
    [part='error'],
    .notice {
      border: 1px solid CanvasText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
