import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import '../src/index.js';

// Docs pages list attributes, events, parts and tokens from the JSDoc on the classes.
setCustomElementsManifest(manifest);

// The "Loading" stories point at this path; it never answers, so the loading state stays on screen.
const realFetch = window.fetch.bind(window);
window.fetch = (input, init) =>
  String(input instanceof Request ? input.url : input).includes('/__never__/') ? new Promise(() => {}) : realFetch(input, init);

/** The toolbar's languages: every shipped UI language, and regional tags that resolve to one. */
const LANGUAGES = [
  { value: '', title: 'Story’s own language' },
  { value: 'en', title: 'English' },
  { value: 'fr', title: 'Français' },
  { value: 'fr-CA', title: 'Français (Canada)' },
  { value: 'it', title: 'Italiano' },
  { value: 'es', title: 'Español' },
  { value: 'es-419', title: 'Español (Latinoamérica)' },
  { value: 'nl', title: 'Nederlands' },
  { value: 'de', title: 'Deutsch' },
  { value: 'pt-BR', title: 'Português (Brasil)' },
  { value: 'pt-PT', title: 'Português (Portugal)' },
  { value: 'ja', title: '日本語' },
  { value: 'ko', title: '한국어' },
  { value: 'zh-Hans', title: '简体中文' },
  { value: 'zh-Hant', title: '繁體中文' },
];

/**
 * The toolbar language replaces the story's `lang` arg, and is also set on a wrapper, for stories
 * whose elements take the language from the page.
 */
const withLanguage: Decorator = (story, context) => {
  const lang = context.globals.locale as string | undefined;
  if (!lang) return story();
  return html`<div lang=${lang}>${story({ ...context, args: { ...context.args, lang } })}</div>`;
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'UI language of every widget',
      toolbar: { title: 'Language', icon: 'globe', items: LANGUAGES, dynamicTitle: true },
    },
  },
  initialGlobals: { locale: '' },
  decorators: [withLanguage],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
    layout: 'padded',
  },
  tags: ['autodocs'],
};
export default preview;
