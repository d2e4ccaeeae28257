/**
 * The dataset's own text as a widget prints it: the translation for the reader's language where
 * one is current, marked as a translation (and whether it was reviewed), with a button that shows
 * the English it was made from; otherwise the English, marked `lang="en"`. One template for every
 * element, so the mark and the button read the same everywhere.
 */
import { css, html } from 'lit';
import type { ShownTranslation, TranslationLang } from '../data/translation.js';
import type { Strings } from './strings.js';

export interface DataTextInput {
  english: string;
  /** The current translation of this field, if any. */
  translation: ShownTranslation | undefined;
  lang: TranslationLang | undefined;
  /** The reader asked for the English original of this field. */
  showOriginal: boolean;
  t: Strings;
  toggle(): void;
}

export function dataText({ english, translation, lang, showOriginal, t, toggle }: DataTextInput) {
  if (!translation || !lang) return html`<span lang="en">${english}</span>`;
  const onClick = (event: Event) => {
    // The text sits inside rows, marks and panels that select on click: the toggle only toggles.
    event.stopPropagation();
    toggle();
  };
  return html`<span lang=${showOriginal ? 'en' : lang}>${showOriginal ? english : translation.text}</span>
    <span class="translation" part="translation" lang=${lang}
      ><span class="translation-mark">${t.translation.mark(translation.reviewed)}</span>
      <button type="button" class="translation-toggle" aria-pressed=${showOriginal ? 'true' : 'false'} @click=${onClick}>
        ${t.translation.original}
      </button></span
    >`;
}

/** The mark and button: small and muted, so the text stays the thing read. */
export const dataTextStyles = css`
  .translation {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.5em;
    margin-inline-start: 0.25em;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .translation-mark {
    border: 1px solid var(--_border);
    border-radius: 0.25em;
    padding: 0 0.25em;
    white-space: nowrap;
  }
  /* Specific enough to win over an element's own button styles (a panel's "Close" button, say). */
  .translation button.translation-toggle {
    font: inherit;
    color: var(--_accent);
    background: none;
    border: 0;
    padding: 0.125em 0;
    min-height: 1.5rem;
    text-decoration: underline;
    cursor: pointer;
  }
  .translation button.translation-toggle[aria-pressed='true'] {
    font-weight: 700;
  }
`;
