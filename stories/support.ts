import { html, type TemplateResult } from 'lit';
import type { Decorator } from '@storybook/web-components-vite';

/** Served by Storybook from the repo (see .storybook/main.ts staticDirs); no network. */
export const DATA = '/data/overseas-police-stations.json';
export const FIXTURE = '/fixtures/mini.json';
export const MISSING = '/fixtures/does-not-exist.json';
export const TRUNCATED = '/fixtures/truncated.json';
export const HTML_PAGE = '/fixtures/html-page.json';
export const WRONG_VERSION = '/fixtures/wrong-version.json';
export const EMPTY = '/fixtures/empty.json';
/** Never answers (see .storybook/preview.ts), so the loading state stays. */
export const NEVER = '/__never__/overseas-police-stations.json';

/** The attributes every element shares, as Storybook controls. */
export const commonArgTypes = {
  src: { control: 'text', description: 'Dataset URL' },
  lang: {
    control: 'select',
    options: ['en', 'fr', 'fr-CA', 'it', 'es', 'es-419', 'nl', 'de', 'pt-BR', 'pt-PT', 'ja', 'ko', 'zh-Hans', 'zh-Hant', 'zh', 'zh-TW'],
    description: 'UI language (the toolbar’s Language menu sets it for every story)',
  },
  theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  plain: { control: 'boolean' },
  group: { control: 'text' },
} as const;

export const commonArgs = { src: DATA, lang: 'en', theme: 'light', plain: false, group: '' };

/** A dark page around the story, as a dark-themed site would have. */
export const darkPage: Decorator = (story) =>
  html`<div style="background:#18191b;color:#ecebe8;padding:1rem;">${story()}</div>`;

/** A 360 px column, the width of a small phone. */
export const phone: Decorator = (story) =>
  html`<div style="inline-size:360px;max-inline-size:100%;outline:1px dashed #999;outline-offset:4px;">${story()}</div>`;

/** An article-width column with a little page text, as in a CMS. */
export const article = (content: TemplateResult) =>
  html`<div style="max-inline-size:42rem;font-family:Georgia,serif;">${content}</div>`;

/** Waits until an element has rendered its data or error (for play functions). */
export async function whenLoaded(el: Element | null): Promise<ShadowRoot> {
  for (let i = 0; i < 200; i++) {
    const root = el?.shadowRoot;
    if (root && root.children.length && !root.querySelector('[part="loading"]')) return root;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${el?.localName ?? 'element'} did not load`);
}
