import { LitElement, html, nothing, type PropertyValues, type CSSResultGroup, type CSSResultOrNative, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { DatasetError } from '../data/errors.js';
import { checkedDataset, LOAD_TIMEOUT_MS, loadDataset, type LoadedDataset } from '../data/load.js';
import { TRANSLATION_LANGS, translationUrl, type ShownTranslation, type Translation, type TranslationLang } from '../data/translation.js';
import { dataText, dataTextStyles } from './data-text.js';
import { emitSelect, firedBy, lastSelection, SELECT_EVENT, type OpsSelectDetail, type SelectionKind } from './events.js';
import { DATASET_FILE } from './dataset-file.js';
import { formatDate, intl, resolveLang, warmUpFormatters, type UiLang } from './intl.js';
import { SHARED_STRINGS, type Strings } from './strings.js';
import { externalLink } from './external-link.js';
import { renderTurn } from './render-turn.js';
import { safeHttpUrl } from './safe-url.js';
import { baseStyles, rootRelative } from './styles.js';
import { VERSION } from './version.js';

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
  return (TRANSLATION_LANGS as readonly string[]).includes(lang) ? (lang as TranslationLang) : undefined;
}

export type Theme = 'light' | 'dark' | 'auto';

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
  @state() protected uiLang: UiLang = 'en';

  #langObserver?: MutationObserver;
  /** The translation of the dataset's text in use (`key`: its URL), once loaded; undefined value: none usable. */
  #translation?: { key: string; value: Translation | undefined };
  /** Fields whose English original the reader asked to see. */
  #originals = new Set<string>();

  protected datasetTask = new Task(this, {
    task: async ([src, data]: readonly [string | undefined, unknown]): Promise<LoadedDataset> => {
      let loaded: LoadedDataset;
      if (data !== undefined && data !== null) loaded = checkedDataset(data) ?? (await import('../data/inline.js')).useDataset(data);
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
    return SHARED_STRINGS[this.uiLang];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener(SELECT_EVENT, this.#onSelect);
    this.#watchLang();
    const last = this.group ? lastSelection(this.group, this) : undefined;
    if (last) this.applySelection(last);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(SELECT_EVENT, this.#onSelect);
    this.#langObserver?.disconnect();
  }

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
    this.uiLang = resolveLang(owner?.getAttribute('lang'));
    this.#langObserver?.disconnect();
    if (owner && owner !== this) {
      this.#langObserver ??= new MutationObserver(() => this.#watchLang());
      this.#langObserver.observe(owner, { attributes: true, attributeFilter: ['lang'] });
    }
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
    return this.datasetTask.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      complete: (loaded) => html`${this.renderData(loaded)}${this.renderFooter(loaded)}`,
      error: (error) => this.renderError(error),
    });
  }

  protected renderLoading() {
    return html`<div part="loading" role="status">${this.t.loading}</div>`;
  }

  protected renderError(error: unknown) {
    const reason = error instanceof DatasetError ? error.reason : 'an unexpected error occurred';
    if (!(error instanceof DatasetError)) console.error('[overseas-police-stations]', error);
    // Inline data cannot change by trying again; a URL might (a flaky network, a CMS mid-deploy).
    const url = error instanceof DatasetError ? error.url : undefined;
    // A reader still gets the facts: the page's own fallback inside the tag, else a link to the
    // data itself (a link needs no CORS, so it opens where the widget's fetch was refused).
    const dataLink = url ? safeHttpUrl(url) : undefined;
    return html`<div part="error" role="alert">
        <strong>${this.t.errorTitle}</strong>
        <p>${this.t.errorLead} ${reason}.</p>
        ${dataLink && !this.#hasFallback()
          ? html`<p><a part="data-link" href=${dataLink} rel="noopener noreferrer" referrerpolicy="no-referrer">${this.t.dataLink}</a></p>`
          : nothing}
        ${url ? html`<button type="button" class="retry" @click=${() => this.retry()}>${this.t.retry}</button>` : nothing}
      </div>
      <slot part="fallback"></slot>`;
  }

  /** The page's own content inside the tag (a sentence, a link, a small table). */
  #hasFallback(): boolean {
    return [...this.childNodes].some((n) => n.nodeType === Node.ELEMENT_NODE || (n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''));
  }

  protected renderFooter(loaded: LoadedDataset) {
    const { meta, sources } = loaded.dataset;
    const t = this.t;
    const skipped = loaded.skipped.length;
    const url = loaded.origin.kind === 'url' ? loaded.origin.url : undefined;
    const methodology = safeHttpUrl(meta.methodologyUrl, url ?? document.baseURI);
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
