/**
 * The reader's language, and Intl's formatters for it: one object per kind, language and
 * options for the page's life. Names of countries, dates, numbers, lists and sort order all
 * come from here; UI strings are in shared/strings.ts and beside each element.
 */
import { nextTask } from './render-turn.js';

/**
 * A UI language: a tag some table of strings is kept under ('en', 'fr', 'pt-PT', 'zh-Hant', or one
 * a page added with addLocale). Intl formats numbers, dates and names in it too.
 */
export type UiLang = string;

/**
 * The language whose strings a page gets, from its `lang` tag and the languages there are strings
 * for: the tag itself, its script (zh-TW → zh-Hant), its region (pt-BR), then its language
 * (fr-CA → fr, es-419 → es); a language kept only with regions falls to its `fallbacks` entry
 * (pt-AO → pt-PT); anything else → English.
 */
export function resolveLang(tag: string | null | undefined, available: ReadonlySet<string> = new Set(['en']), fallbacks: Readonly<Record<string, string>> = {}): UiLang {
  if (!tag) return 'en';
  try {
    let locale = new Intl.Locale(tag);
    const exact = locale.baseName;
    if (available.has(exact)) return exact;
    const { language } = locale;
    // Only a tag without script or region needs the likely-subtags data (zh-TW → Hant, pt → BR),
    // which costs a slow first call: only languages kept by script or region ask for it.
    if ((!locale.script || !locale.region) && !available.has(language)) locale = locale.maximize();
    for (const candidate of [
      locale.script && `${language}-${locale.script}`,
      locale.region && `${language}-${locale.region}`,
      language,
      fallbacks[language],
    ]) {
      if (candidate && available.has(candidate)) return candidate;
    }
  } catch {
    // Not a language tag: English.
  }
  return 'en';
}

/**
 * The plural form of `n` in `lang` (Intl.PluralRules), from the forms a string gives. `n` may be a
 * whole number already formatted for display ("1 234").
 */
export function plural(lang: UiLang, n: number | string, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  const value = typeof n === 'number' ? n : Number(n.replace(/\D/g, ''));
  return forms[intl(Intl.PluralRules, lang).select(value)] ?? forms.other;
}

type IntlConstructor<T, O> = new (locales: string[], options: O) => T;
const intlCache = new Map<string, unknown>();

/**
 * One Intl object per kind, language and options for the page's life: constructing them is
 * the slow part (each may load ICU data), so no widget builds its own on every render.
 */
export function intl<T, O extends object>(Kind: IntlConstructor<T, O>, lang: UiLang, options?: NoInfer<O>): T {
  const key = `${Kind.name} ${lang} ${JSON.stringify(options ?? {})}`;
  let made = intlCache.get(key) as T | undefined;
  if (!made) intlCache.set(key, (made = new Kind([lang], options as O)));
  return made;
}

/** Formats a partial ISO date at its own precision: "2022", "October 2022", "26 October 2022". */
const formattedDates = new Map<string, string>();

export function formatDate(date: string, lang: UiLang): string {
  // Widgets format the same few hundred dates on every render; Intl's format() is the costly call.
  const memoKey = `${lang} ${date}`;
  let text = formattedDates.get(memoKey);
  if (text === undefined) formattedDates.set(memoKey, (text = formatDateUncached(date, lang)));
  return text;
}

function formatDateUncached(date: string, lang: UiLang): string {
  const [y, m, d] = date.split('-').map(Number);
  const value = new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (m !== undefined) options.month = 'long';
  if (d !== undefined) options.day = 'numeric';
  return intl(Intl.DateTimeFormat, lang, options).format(value);
}

const countryNames = new Map<string, string>();

export function countryName(code: string, lang: UiLang): string {
  // Sorting, filtering and labels ask for the same few dozen names over and over (a sort's
  // comparator, twice per comparison): each answer is kept.
  const memoKey = `${lang} ${code}`;
  let name = countryNames.get(memoKey);
  if (name === undefined) {
    const names = intl(Intl.DisplayNames, lang, { type: 'region', fallback: 'code' });
    countryNames.set(memoKey, (name = names.of(code) ?? code));
  }
  return name;
}

/**
 * "A, B, C" (narrow: table cells, labels) or "A, B, and C" (long: sentences).
 * Always a conjunction: "unit" lists would join Chinese items with no separator at all.
 */
export function formatList(items: string[], lang: UiLang, style: 'narrow' | 'long' = 'narrow'): string {
  return intl(Intl.ListFormat, lang, { style, type: 'conjunction' }).format(items);
}

export function formatNumber(n: number, lang: UiLang): string {
  return intl(Intl.NumberFormat, lang).format(n);
}

/** Sorts names as a reader of `lang` expects. */
export function compareText(lang: UiLang): (a: string, b: string) => number {
  return intl(Intl.Collator, lang).compare;
}

const warmed = new Set<UiLang>();

/**
 * Builds the Intl formatters a language needs while the dataset is still downloading.
 * The first Intl object of a page loads the browser's locale data (40 – 60 ms on a slow
 * machine, whichever kind comes first); done here, one per task, that cost is not added
 * to the first render when the dataset arrives after the code.
 */
export async function warmUpFormatters(lang: UiLang): Promise<void> {
  if (warmed.has(lang)) return;
  warmed.add(lang);
  const steps = [
    () => countryName('FR', lang),
    () => formatDate('2022-12', lang),
    () => formatDate('2022-12-05', lang),
    () => formatList(['a', 'b'], lang),
    () => formatList(['a', 'b'], lang, 'long'),
    () => formatNumber(1000, lang),
    () => compareText(lang)('a', 'b'),
  ];
  for (const step of steps) {
    await nextTask();
    step();
  }
}
