import { LitElement, html, isServer, nothing, type PropertyValues, type CSSResultGroup, type CSSResultOrNative, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { DatasetError } from '../data/errors.js';
import { checkedDataset, LOAD_TIMEOUT_MS, loadDataset, markChecked, readDatasetText, type LoadedDataset } from '../data/load.js';
import { TRANSLATION_LANGS, translationUrl, type ShownTranslation, type Translation, type TranslationLang } from '../data/translation.js';
import { dataText, dataTextStyles } from './data-text.js';
import { emitSelect, firedBy, lastSelection, SELECT_EVENT, type OpsSelectDetail, type SelectionKind } from './events.js';
import { DATASET_FILE } from './dataset-file.js';
import { formatDate, intl, warmUpFormatters, type UiLang } from './intl.js';
import { addLocale, canonicalTag, loadLocale, localeReady, onLocaleChange, readerLang, uiLangFor, type LocaleStrings } from './locales.js';
import { sharedStrings, type Strings } from './strings.js';
import { externalLink } from './external-link.js';
import { renderTurn } from './render-turn.js';
import { safeHttpUrl } from './safe-url.js';
import { baseStyles, rootRelative } from './styles.js';
import { VERSION } from './version.js';
import { DEFER_HYDRATION, EMBEDDED_DATASET } from '../elements.js';

/** Relative to the built chunks in dist/chunks/: the dataset that ships beside the script. */
const DEFAULT_DATA_PATH = `../${DATASET_FILE}`;

/**
 * In the npm build (dist/lib/), the build writes a literal `new URL('…json', import.meta.url)` in
 * place of this name, which the app's bundler (Vite, webpack 5) sees and emits as an asset.
 * Elsewhere it stays undeclared.
 */
declare const __OPS_NPM_DATASET_URL__: URL | undefined;
/** The same for the translations beside the bundled dataset, one literal URL per language. */
declare const __OPS_NPM_TRANSLATION_URLS__: Record<TranslationLang, URL> | undefined;

export function defaultDataUrl(): string {
  if (typeof __OPS_NPM_DATASET_URL__ !== 'undefined') return __OPS_NPM_DATASET_URL__.href;
  // ops.js's chunks: a variable, not a literal, so no bundler moves the file; it is resolved at run time.
  return new URL(DEFAULT_DATA_PATH, import.meta.url).href;
}

/** The translation of the bundled dataset's text into `lang`, beside it. */
export function defaultTranslationUrl(lang: TranslationLang): string {
  if (typeof __OPS_NPM_TRANSLATION_URLS__ !== 'undefined') return __OPS_NPM_TRANSLATION_URLS__[lang].href;
  return translationUrl(defaultDataUrl(), lang);
}

/** The language the dataset's text is shown in for a UI language, where a translation exists. */
export function translationLang(lang: string): TranslationLang | undefined {
  // The UI language may be a regional tag (zh-CN, zh-TW): the translation follows its strings table.
  const table = uiLangFor(lang);
  return (TRANSLATION_LANGS as readonly string[]).includes(table) ? (table as TranslationLang) : undefined;
}

export type Theme = 'light' | 'dark' | 'auto';

/**
 * Datasets a widget was rendered from before its code ran (on a server, or read from the page
 * the server wrote), by object: a widget given one as `.data` draws at once, in its first update,
 * and so draws exactly what the server did (same skipped count, same origin).
 */
const prerendered = new WeakMap<object, LoadedDataset>();

/** Lets widgets given this dataset as `.data` render it in their first update (server rendering and hydration). */
export function renderFrom(loaded: LoadedDataset): LoadedDataset {
  prerendered.set(loaded.dataset, loaded);
  return markChecked(loaded);
}

/**
 * A link written by a server, which does not know the page's address: an http(s) URL as it is, a
 * relative one relative to `base` (itself perhaps relative) for the browser to resolve, as it
 * would resolve them itself; anything else (javascript:, data:) is no link.
 */
function serverHref(value: string | undefined, base?: string): string | undefined {
  if (!value) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return safeHttpUrl(value);
  return base && !value.startsWith('/') ? base.replace(/[?#].*$/, '').replace(/[^/]*$/, '') + value : value;
}

export { DEFER_HYDRATION };
/** The dataset a server embedded in the widget's light DOM (so the page needs no second request for it). */
const EMBEDDED_DATA = `:scope > ${EMBEDDED_DATASET}`;

/** `closest()` that continues past shadow roots, so an element nested in another widget inherits its language. */
function closestAcrossShadows(from: Element, selector: string): Element | null {
  for (let node: Element | null = from; node; ) {
    const found = node.closest(selector);
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/**
 * What every element shares: the dataset (`src` or `.data`), language,
 * theme, group selection, loading and error states, and the credit line.
 * Subclasses implement `renderData()`.
 */
export abstract class OpsElement extends LitElement {
  static version = VERSION;
  /** Milliseconds to wait for a dataset before showing "did not answer" with "Try again" (default 20 000). */
  static loadTimeout = LOAD_TIMEOUT_MS;
  static override styles = [baseStyles, dataTextStyles];
  /** Whether the element prints the dataset's free text (summaries, notes), and so loads its translation on Chinese pages. */
  protected static printsDataText = true;

  /**
   * Adds UI strings for a language, or replaces some of a shipped language's: every element on
   * the page uses them (`OpsElement.addLocale('pl', { loading: 'Ładowanie danych…', table: { … } })`).
   * Keys it lacks show English and are named in the console. Template of every key:
   * dist/strings-template.json.
   */
  static addLocale(lang: string, strings: LocaleStrings): void {
    addLocale(lang, strings);
  }

  /** rem in every element's styles means the reader's default size, not the host page's root size (themes shrink the root size). */
  protected static override finalizeStyles(styles?: CSSResultGroup): CSSResultOrNative[] {
    return rootRelative(super.finalizeStyles(styles));
  }

  /** Dataset URL; default: the dataset that ships next to the script. */
  @property() src: string | undefined;
  /** A dataset object given directly; takes precedence over `src`. */
  @property({ attribute: false }) data: unknown;
  @property({ reflect: true }) theme: Theme = 'light';
  /** Hides the credit line, for pages that set their own. */
  @property({ type: Boolean, reflect: true }) plain = false;
  /** Widgets with the same group share one selection. */
  @property() group: string | undefined;
  /**
   * URL of a JSON file of UI strings for the element's language (same keys as
   * dist/strings-template.json), added to that language key by key as addLocale() does.
   */
  @property({ noAccessor: true })
  get strings(): string | undefined {
    return this.#strings;
  }
  set strings(value: string | undefined) {
    const old = this.#strings;
    this.#strings = value ?? undefined;
    if (value && value !== old && this.isConnected) this.#prepareStrings();
    this.requestUpdate('strings', old);
  }
  #strings: string | undefined;
  @state() protected uiLang: UiLang = 'en';
  /** The `lang` tag as the page wrote it (a strings file is added under it). */
  #langTag = 'en';
  /** False while the language's chunk or the strings file is still loading. */
  @state() private stringsReady = true;

  #langObserver?: MutationObserver;
  /** The translation of the dataset's text in use (`key`: its URL), once loaded; undefined value: none usable. */
  #translation?: { key: string; value: Translation | undefined };
  /** Fields whose English original the reader asked to see. */
  #originals = new Set<string>();
  #stopListening?: () => void;

  protected datasetTask = new Task(this, {
    task: async ([src, data]: readonly [string | undefined, unknown]): Promise<LoadedDataset> => {
      let loaded: LoadedDataset;
      if (data !== undefined && data !== null)
        loaded = this.prerendered ?? checkedDataset(data) ?? (await import('../data/inline.js')).useDataset(data);
      else {
        const url = new URL(src || defaultDataUrl(), document.baseURI).href;
        const pending = loadDataset(url, (this.constructor as typeof OpsElement).loadTimeout, !src);
        // A page in a language the text is translated into downloads that translation alongside.
        const translated = this.#loadTranslation(pending, url, !src);
        // The main thread is idle while the dataset downloads: prepare the formatters meanwhile.
        void warmUpFormatters(this.uiLang);
        loaded = await pending;
        // Shown with the first render, so the text does not change language under the reader.
        await translated;
      }
      await renderTurn(this);
      return loaded;
    },
    args: () => [this.src, this.data] as const,
  });

  /** Where the translation of a dataset at `url` into the page's language is, if it is translated. */
  #translationTarget(url: string, bundled: boolean): { url: string; lang: TranslationLang } | undefined {
    const lang = translationLang(this.uiLang);
    if (!lang || !(this.constructor as typeof OpsElement).printsDataText) return undefined;
    return { url: bundled ? defaultTranslationUrl(lang) : translationUrl(url, lang), lang };
  }

  /** Loads (once per URL and dataset) the translation the page's language asks for; never throws. */
  async #loadTranslation(pending: Promise<LoadedDataset>, url: string, bundled: boolean): Promise<void> {
    const target = this.#translationTarget(url, bundled);
    if (!target || this.#translation?.key === target.url) return;
    const { fetchTranslation, loadTranslation } = await import('../data/load-translation.js');
    void fetchTranslation(target.url, target.lang);
    let dataset;
    try {
      dataset = (await pending).dataset;
    } catch {
      return; // the dataset's own error is shown
    }
    const value = await loadTranslation(target.url, target.lang, dataset);
    // The language may have changed meanwhile.
    if (this.#translationTarget(url, bundled)?.url === target.url) this.#translation = { key: target.url, value };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // The page's language changed after the dataset loaded: fetch its translation, then render again.
    const loaded = this.datasetTask.value;
    if (changed.has('uiLang') && loaded?.origin.kind === 'url') {
      const url = loaded.origin.url;
      const target = this.#translationTarget(url, !this.src);
      if (target && this.#translation?.key !== target.url) {
        void this.#loadTranslation(Promise.resolve(loaded), url, !this.src).then(() => this.requestUpdate());
      }
    }
  }

  /** The current translation of a dataset field (a path of data/translation.ts), if it is shown in translation. */
  protected translationOf(path: string): ShownTranslation | undefined {
    return this.#translationInUse()?.fields.get(path);
  }

  /** The translation for the page's current language, if loaded and usable. */
  #translationInUse(): Translation | undefined {
    const loaded = this.datasetTask.value;
    if (!this.#translation?.value || loaded?.origin.kind !== 'url') return undefined;
    return this.#translationTarget(loaded.origin.url, !this.src)?.url === this.#translation.key ? this.#translation.value : undefined;
  }

  /**
   * A field of the dataset's own text as readers see it: the translation, marked, with a button for
   * the English original, where the page's language has a current one; else the English.
   */
  protected dataText(path: string, english: string) {
    return dataText({
      english,
      translation: this.translationOf(path),
      lang: translationLang(this.uiLang),
      showOriginal: this.#originals.has(path),
      t: this.t,
      toggle: () => {
        if (!this.#originals.delete(path)) this.#originals.add(path);
        this.requestUpdate();
      },
    });
  }

  /** The same as plain text (for labels and announcements): the translation where one is shown, else the English. */
  protected dataString(path: string, english: string): string {
    const translation = this.translationOf(path);
    return translation && !this.#originals.has(path) ? translation.text : english;
  }

  /** The language of what `dataString` gives for a field: the translation's, or "en". */
  protected dataLangOf(path: string): string {
    return this.translationOf(path) && !this.#originals.has(path) ? this.#translationInUse()!.lang : 'en';
  }

  /** The UI strings in the reader's language; an element with strings of its own adds them under one key (`t.map`, `t.table` …). */
  protected get t(): Strings {
    return sharedStrings(this.uiLang);
  }

  /** The dataset this widget was given already rendered (see renderFrom), if any. */
  protected get prerendered(): LoadedDataset | undefined {
    return typeof this.data === 'object' && this.data !== null ? prerendered.get(this.data) : undefined;
  }

  /** The dataset drawn now: the loaded one, or the one the server drew while the task has not finished. */
  protected get loaded(): LoadedDataset | undefined {
    const status = this.datasetTask.status;
    return status === TaskStatus.COMPLETE ? this.datasetTask.value : status === TaskStatus.ERROR ? undefined : this.prerendered;
  }

  override connectedCallback(): void {
    // Server-rendered: the declarative shadow root shows the widget already. It stays until the data
    // is in; then the widget renders over it in one task (no frame in between), the same content.
    if (this.hasAttribute(DEFER_HYDRATION) && this.shadowRoot) {
      void this.#hydrateWhenData();
      return;
    }
    super.connectedCallback();
    document.addEventListener(SELECT_EVENT, this.#onSelect);
    // Strings added after this element rendered (a strings file, a late addLocale) apply at once.
    this.#stopListening = onLocaleChange(() => {
      this.#watchLang();
      this.requestUpdate();
    });
    this.#watchLang();
    if (this.strings) this.#prepareStrings();
    const last = this.group ? lastSelection(this.group, this) : undefined;
    if (last) this.applySelection(last);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(SELECT_EVENT, this.#onSelect);
    this.#langObserver?.disconnect();
    this.#stopListening?.();
  }

  async #hydrateWhenData(): Promise<void> {
    if (this.#hydrating) return;
    this.#hydrating = true;
    try {
      const embedded = this.querySelector(EMBEDDED_DATA);
      const ready = this.beforeHydrate();
      if (embedded) {
        // Checked like any download: trusted only when it is byte for byte the bundled file.
        const loaded = await readDatasetText(embedded.textContent ?? '');
        // Where the server said the file is published: its methodology link resolves from there.
        const at = embedded.getAttribute('data-url');
        this.data = renderFrom({ ...loaded, origin: at ? { kind: 'url', url: new URL(at, document.baseURI).href } : { kind: 'inline' } }).dataset;
      } else {
        // Rendered without its data in the page: the widget's own file, fetched once for the page.
        const src = new URL(this.src || defaultDataUrl(), document.baseURI).href;
        this.data = renderFrom(await loadDataset(src, (this.constructor as typeof OpsElement).loadTimeout, !this.src)).dataset;
      }
      await ready;
    } catch {
      // Not JSON, not a dataset, not there: rendered as for any widget, whose error state says what went wrong.
    }
    this.#hydrating = false;
    if (!this.isConnected) return;
    this.shadowRoot?.replaceChildren();
    this.removeAttribute(DEFER_HYDRATION);
    this.connectedCallback();
  }
  #hydrating = false;

  /** What else a server-rendered widget needs before it renders over the server's HTML (the map: its outlines). */
  protected async beforeHydrate(): Promise<void> {}

  // `lang` stays the native attribute (so `closest('[lang]')` sees it); we only listen to it.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && this.isConnected) this.#watchLang();
  }

  /** Language from the element or its closest `[lang]` ancestor; follows changes to that attribute. */
  #watchLang(): void {
    const owner = closestAcrossShadows(this, '[lang]');
    const tag = owner?.getAttribute('lang');
    const langTag = (tag && canonicalTag(tag)) || 'en';
    const changedTag = langTag !== this.#langTag;
    this.#langTag = langTag;
    this.uiLang = readerLang(langTag);
    if ((changedTag && this.strings) || !localeReady(this.uiLang)) this.#prepareStrings();
    this.#langObserver?.disconnect();
    if (owner && owner !== this) {
      this.#langObserver ??= new MutationObserver(() => this.#watchLang());
      this.#langObserver.observe(owner, { attributes: true, attributeFilter: ['lang'] });
    }
  }

  /** Loads what the language needs before the widget shows text in it: its chunk, the page's strings file. */
  #prepareStrings(): void {
    const lang = this.uiLang;
    const file = this.strings && stringsFile(new URL(this.strings, document.baseURI).href, this.#langTag);
    this.stringsReady = false;
    void Promise.all([loadLocale(lang), file]).then(() => {
      // An addLocale from the strings file has already re-resolved the language.
      this.uiLang = readerLang(this.#langTag);
      this.stringsReady = localeReady(this.uiLang);
      if (!this.stringsReady) this.#prepareStrings();
    });
  }

  #onSelect = (event: CustomEvent<OpsSelectDetail>): void => {
    const detail = event.detail;
    // An element's own selection is already applied where it was made; hearing it back would
    // apply it a second time, as if it came from elsewhere.
    if (!this.group || !detail || detail.group !== this.group || firedBy(event, this)) return;
    this.applySelection(detail);
  };

  /** Called for each selection made by another element of this element's group. */
  protected applySelection(_detail: OpsSelectDetail): void {}

  /** Fires `ops-select`; without a `group` the event still fires but drives no other widget. */
  protected select(kind: SelectionKind, id: string | null, country?: string): void {
    emitSelect(this, { group: this.group ?? null, kind, id, ...(country ? { country } : {}) });
  }

  /** Re-runs a failed load (used by the error state's "Try again"). */
  protected retry(): void {
    void this.datasetTask.run();
  }

  protected abstract renderData(loaded: LoadedDataset): TemplateResult | typeof nothing;

  override render() {
    // No task runs on a server (it renders once, synchronously): the language comes from the attribute.
    if (isServer) this.uiLang = readerLang(this.getAttribute('lang'));
    // No flash of English on a page in another language: its strings come first.
    if (!this.stringsReady) return this.renderLoading();
    const ready = this.loaded;
    if (ready && this.datasetTask.status !== TaskStatus.COMPLETE) return html`${this.renderData(ready)}${this.renderFooter(ready)}`;
    return this.datasetTask.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      complete: (loaded) => html`${this.renderData(loaded)}${this.renderFooter(loaded)}`,
      error: (error) => this.renderError(error),
    });
  }

  protected renderLoading() {
    return html`<div part="loading" role="status">${this.stringsReady ? this.t.loading : ''}</div>`;
  }

  protected renderError(error: unknown) {
    const reason = error instanceof DatasetError ? error.reason : this.t.unexpectedError;
    // The data layer words its reasons (HTTP status, record and field) in English: marked so, for screen readers.
    if (!(error instanceof DatasetError)) console.error('[overseas-police-stations]', error);
    // Inline data cannot change by trying again; a URL might (a flaky network, a CMS mid-deploy).
    const url = error instanceof DatasetError ? error.url : undefined;
    // A reader still gets the facts: the page's own fallback inside the tag, else a link to the
    // data itself (a link needs no CORS, so it opens where the widget's fetch was refused).
    const dataLink = url ? safeHttpUrl(url) : undefined;
    return html`<div part="error" role="alert">
        <strong>${this.t.errorTitle}</strong>
        <p>${this.t.errorLead} ${error instanceof DatasetError ? html`<span lang="en">${reason}</span>` : reason}.</p>
        ${dataLink && !this.#hasFallback()
          ? html`<p><a part="data-link" href=${dataLink} rel="noopener noreferrer" referrerpolicy="no-referrer">${this.t.dataLink}</a></p>`
          : nothing}
        ${url ? html`<button type="button" class="retry" @click=${() => this.retry()}>${this.t.retry}</button>` : nothing}
      </div>
      <slot part="fallback"></slot>`;
  }

  /** The page's own content inside the tag (a sentence, a link, a small table). */
  #hasFallback(): boolean {
    return [...this.childNodes].some((n) => (n.nodeType === Node.ELEMENT_NODE && !(n as Element).matches('script')) || (n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''));
  }

  protected renderFooter(loaded: LoadedDataset) {
    const { meta, sources } = loaded.dataset;
    const t = this.t;
    const skipped = loaded.skipped.length;
    const url = loaded.origin.kind === 'url' ? loaded.origin.url : undefined;
    const methodology = isServer ? serverHref(meta.methodologyUrl, url) : safeHttpUrl(meta.methodologyUrl, url ?? document.baseURI);
    // One short line (month and year); the full date and the dataset version are the
    // methodology link's title, and stand on the methodology page itself.
    const version = t.credit.version(/^\d/.test(meta.version) ? `v${meta.version}` : meta.version);
    const full = `${t.credit.updated} ${formatDate(meta.updated, this.uiLang)} · ${version}`;
    const month = intl(Intl.DateTimeFormat, this.uiLang, { timeZone: 'UTC', year: 'numeric', month: 'short' }).format(new Date(`${meta.updated.slice(0, 7)}-01T00:00:00Z`));
    return html`
      ${skipped ? html`<p class="notice" part="notice">${t.skipped(skipped)}</p>` : nothing}
      ${this.#translationInUse()?.fields.size
        ? html`<p class="note" lang=${this.uiLang}>${t.translation.note}</p>`
        : t.englishDataNote
          ? html`<p class="note" lang=${this.uiLang}>${t.englishDataNote}</p>`
          : nothing}
      ${this.plain
        ? nothing
        : html`<p part="credit" lang=${this.uiLang}>
            ${t.credit.source}<span lang="en">${meta.credit}</span> · ${t.credit.sources(sources.length)} · ${t.credit.updatedShort} ${month} ·
            ${methodology ? externalLink(methodology, t.credit.methodology, { title: full, newTab: false }) : html`<span title=${full}>${version}</span>`}
          </p>`}
    `;
  }
}

const stringsFiles = new Map<string, Promise<void>>();

/**
 * A page's strings file, fetched once per URL and language and added with addLocale. A file that
 * cannot be used leaves the shipped strings in place and says why in the console: the widget works.
 */
function stringsFile(url: string, lang: string): Promise<void> {
  const key = `${lang} ${url}`;
  let done = stringsFiles.get(key);
  if (!done) {
    done = fetch(url, { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const strings: unknown = await response.json();
        if (!strings || typeof strings !== 'object' || Array.isArray(strings)) throw new Error('not a JSON object of strings');
        addLocale(lang, strings as LocaleStrings);
      })
      .catch((error: unknown) => {
        console.warn(`[overseas-police-stations] The strings file ${url} could not be used (${error instanceof Error ? error.message : String(error)}); the shipped strings are shown.`);
      });
    stringsFiles.set(key, done);
  }
  return done;
}
