/**
 * Loading a translation of the dataset's text: one fetch per URL per page, started alongside the
 * dataset's. It never fails a widget: a missing or broken file, or one that does not match the
 * dataset, leaves the English in place and says so in the console, with the URL.
 */
import type { Dataset } from './schema.js';
import { LOG_PREFIX } from './errors.js';
import type { Translation, TranslationFile, TranslationLang } from './translation.js';
import { matchTranslation } from './translation-match.js';

const files = new Map<string, Promise<TranslationFile | undefined>>();
const matched = new WeakMap<Dataset, Map<string, Promise<Translation | undefined>>>();

const warn = (url: string, why: string) => console.warn(`${LOG_PREFIX} the ${why}; the dataset's text is shown in English. (${url})`);

/** Downloads and checks a translation file; undefined (and a console message) when it cannot be used. */
export function fetchTranslation(url: string, lang: TranslationLang): Promise<TranslationFile | undefined> {
  let pending = files.get(url);
  if (!pending) {
    pending = (async () => {
      let response: Response;
      try {
        response = await fetch(url, { credentials: 'same-origin' });
      } catch {
        warn(url, 'translation could not be downloaded (offline, blocked, or another origin without CORS headers)');
        return undefined;
      }
      if (!response.ok) {
        warn(url, `translation could not be downloaded (HTTP ${response.status})`);
        return undefined;
      }
      try {
        const input: unknown = JSON.parse(await response.text());
        const { checkTranslation } = await import('./translation-schema.js');
        const { file, skipped } = checkTranslation(input, lang);
        for (const p of skipped) console.warn(`${LOG_PREFIX} ${url}: ${p.path}: ${p.message} (this field is shown in English)`);
        return file;
      } catch (error) {
        warn(url, `translation file is not usable (${(error as Error).message})`);
        return undefined;
      }
    })();
    files.set(url, pending);
  }
  return pending;
}

/** The translation at `url` matched against `dataset`: stale fields left out. */
export function loadTranslation(url: string, lang: TranslationLang, dataset: Dataset): Promise<Translation | undefined> {
  let byUrl = matched.get(dataset);
  if (!byUrl) matched.set(dataset, (byUrl = new Map()));
  let pending = byUrl.get(url);
  if (!pending) {
    pending = fetchTranslation(url, lang).then(async (file) => {
      if (!file) return undefined;
      if (!globalThis.crypto?.subtle) {
        warn(url, 'page is not a secure context (https or localhost), so the translations cannot be checked against the English they were made from');
        return undefined;
      }
      const translation = await matchTranslation(file, url, dataset);
      if (translation.stale.length) {
        console.info(`${LOG_PREFIX} ${url}: ${translation.stale.length} translation(s) made from English that has changed since, shown in English: ${translation.stale.join(', ')}`);
      }
      if (translation.unknown.length) {
        console.warn(`${LOG_PREFIX} ${url}: ${translation.unknown.length} translation(s) of fields this dataset does not have: ${translation.unknown.join(', ')}`);
      }
      return translation;
    });
    byUrl.set(url, pending);
  }
  return pending;
}
