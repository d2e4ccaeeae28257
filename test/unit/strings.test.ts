import { expect } from '@open-wc/testing';
import { elementStrings, sharedStrings, SHARED_STRINGS } from '../../src/shared/strings.js';
import { MAP_STRINGS } from '../../src/components/station-map/strings.js';
import { TIMELINE_STRINGS } from '../../src/components/repatriation-timeline/strings.js';
import { TABLE_STRINGS } from '../../src/components/country-table/strings.js';
import { CARD_STRINGS } from '../../src/components/source-card/strings.js';
import de from '../../src/locales/de.js';
import es from '../../src/locales/es.js';
import fr from '../../src/locales/fr.js';
import italian from '../../src/locales/it.js';
import ja from '../../src/locales/ja.js';
import ko from '../../src/locales/ko.js';
import nl from '../../src/locales/nl.js';
import ptBR from '../../src/locales/pt-BR.js';
import ptPT from '../../src/locales/pt-PT.js';
import zhHans from '../../src/locales/zh-Hans.js';
import zhHant from '../../src/locales/zh-Hant.js';
import { addLocale, CHUNK_LANGS, loadLocale, SECTIONS, uiLangFor, type AllStrings } from '../../src/shared/locales.js';

/** The modules the built-in tables are written in (read as text: a spread leaves no trace in the objects). */
const SOURCES: Record<string, string> = {
  shared: '/src/shared/strings.ts',
  map: '/src/components/station-map/strings.ts',
  timeline: '/src/components/repatriation-timeline/strings.ts',
  table: '/src/components/country-table/strings.ts',
  card: '/src/components/source-card/strings.ts',
};

const BUILT_IN: Record<string, Record<string, object>> = {
  shared: SHARED_STRINGS,
  map: MAP_STRINGS,
  timeline: TIMELINE_STRINGS,
  table: TABLE_STRINGS,
  card: CARD_STRINGS,
};

/** The shipped languages' own modules, each one table of every section. */
const CHUNKS: Record<string, AllStrings> = { de, es, fr, it: italian, ja, ko, nl, 'pt-BR': ptBR, 'pt-PT': ptPT, 'zh-Hans': zhHans, 'zh-Hant': zhHant };

/** Every language's table of one section, as each language's module holds it. */
function tables(section: string): Record<string, object> {
  const out: Record<string, object> = { ...BUILT_IN[section] };
  for (const [lang, all] of Object.entries(CHUNKS)) {
    if (section !== 'shared') out[lang] = all[section as keyof AllStrings] as object;
    else out[lang] = Object.fromEntries(Object.entries(all).filter(([key]) => !(SECTIONS as readonly string[]).includes(key)));
  }
  return out;
}

/**
 * Strings a language rightly shares with English: proper names, codes, and words spelt alike
 * ("Sources" in French, "Original" in Spanish). Anything else identical to English is text left
 * untranslated.
 */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  fr: ['card.access.label.original', 'credit.sources', 'map.notes', 'map.sources', 'map.showSources', 'table.stations', 'table.sources', 'card.sourcesFor', 'timeline.col.date', 'map.stations', 'map.stationLabel', 'credit.version', 'map.regions.europe'],
  es: ['card.access.label.original', 'map.stationLabel', 'table.colon'],
  it: ['map.stationLabel', 'table.colon'],
  nl: ['map.stationLabel', 'table.colon'],
  de: ['card.access.label.original', 'map.stationLabel', 'table.colon'],
  'pt-BR': ['map.stationLabel', 'table.colon'],
  'pt-PT': ['map.stationLabel', 'table.colon'],
  ja: [],
  ko: ['table.colon'],
  'zh-Hans': [],
  'zh-Hant': [],
};
/** Names every language writes as English does. */
const NAMES: readonly string[] = ['table.downloadShort'];

/** Every key path with the kind of its value: "credit.sources: function", "title: string". */
function shape(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, v]) =>
    v && typeof v === 'object' ? shape(v, `${prefix}${key}.`) : [`${prefix}${key}: ${typeof v}`],
  );
}

/** Every nested object of a table, to tell whether two languages share one. */
function objects(value: object): object[] {
  return Object.values(value).flatMap((v) => (v && typeof v === 'object' ? [v, ...objects(v)] : []));
}

/**
 * An argument that is every argument at once: `${x}` is "7", Number(x) is 7, any field of it is
 * another such value. A string function called with it shows all its text (conditions hold).
 */
const ANY: unknown = new Proxy(function () {}, {
  get: (_target, key) => (key === Symbol.toPrimitive ? (hint: string) => (hint === 'number' ? 7 : '7') : ANY),
  apply: () => ANY,
});

/** Every string of a table, functions called with ANY: path → text. */
function texts(value: object, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, v]) => {
      if (v && typeof v === 'object') return Object.entries(texts(v, `${prefix}${key}.`));
      const text = typeof v === 'function' ? (v as (...a: unknown[]) => string)(ANY, ANY, ANY) : String(v);
      return [[`${prefix}${key}`, text]];
    }),
  );
}

const LANGS = CHUNK_LANGS;
const SECTION_NAMES = ['shared', ...SECTIONS];

describe('UI strings', () => {
  it('ships the languages of the countries where most stations were reported', () => {
    expect([...CHUNK_LANGS].sort()).to.deep.equal(['de', 'es', 'fr', 'it', 'ja', 'ko', 'nl', 'pt-BR', 'pt-PT', 'zh-Hans', 'zh-Hant']);
  });

  for (const name of SECTION_NAMES) {
    const table = tables(name);

    it(`${name}: every language has every key English has, and no other`, () => {
      const english = shape(table.en!);
      const wrong: Record<string, string[]> = {};
      for (const lang of LANGS) {
        const keys = shape(table[lang]!);
        const problems = [
          ...english.filter((k) => !keys.includes(k)).map((k) => `missing ${k}`),
          ...keys.filter((k) => !english.includes(k)).map((k) => `not in English: ${k}`),
        ];
        if (problems.length) wrong[lang] = problems;
      }
      expect(wrong, `${name}: keys`).to.deep.equal({});
    });

    it(`${name}: no language holds a string left in English`, () => {
      const english = texts(table.en!);
      const prefix = name === 'shared' ? '' : `${name}.`;
      const left: Record<string, string[]> = {};
      for (const lang of LANGS) {
        const mine = texts(table[lang]!);
        const same = Object.keys(english)
          .filter((path) => mine[path] === english[path] && english[path] !== '')
          .map((path) => prefix + path)
          .filter((path) => !SAME_AS_ENGLISH[lang]?.includes(path) && !NAMES.includes(path));
        if (same.length) left[lang] = same;
      }
      expect(left, `${name}: strings identical to English`).to.deep.equal({});
    });

    it(`${name}: every string a function makes is whole (no "undefined", no "[object …]")`, () => {
      for (const lang of ['en', ...LANGS]) {
        const broken = Object.entries(texts(table[lang]!)).filter(([, text]) => /undefined|\[object|NaN/.test(text));
        expect(broken, `${name} ${lang}`).to.deep.equal([]);
      }
    });

    it(`${name}: each language is a table of its own, not another's spread over missing keys`, async () => {
      // A spread would fill a missing key silently with another language's text, and the key test could not see it.
      const files = name === 'shared' ? [SOURCES.shared!, ...CHUNK_LANGS.map((l) => `/src/locales/${l}.ts`)] : [SOURCES[name]!];
      for (const file of files) {
        const source = await (await fetch(file)).text();
        expect(source.match(/\.\.\.\s*(en|zhHans|zhHant|fr|es|it|nl|de|ptBR|ptPT|ja|ko)\b/g) ?? [], file).to.deep.equal([]);
      }
      const seen = new Map<object, string>();
      for (const lang of ['en', ...LANGS]) {
        for (const o of objects(table[lang]!)) {
          expect(seen.get(o), `${name}: ${lang} shares an object with ${seen.get(o)}`).to.equal(undefined);
          seen.set(o, lang);
        }
      }
    });

    it(`${name}: no string is empty, except the English note that the data is in English`, () => {
      for (const lang of ['en', ...LANGS]) {
        const strings = table[lang]!;
        const empty = shape(strings).filter((k) => k.endsWith(': string')).map((k) => k.replace(/: string$/, ''))
          .filter((path) => path.split('.').reduce<unknown>((o, key) => (o as Record<string, unknown>)[key], strings) === '');
        expect(empty, `${name} ${lang}`).to.deep.equal(name === 'shared' && lang === 'en' ? ['englishDataNote'] : []);
      }
    });
  }

  it('allows only strings that are in fact identical to English', () => {
    const all = (lang: string) => Object.assign({}, ...SECTION_NAMES.map((name) => {
      const mine = texts(tables(name)[lang]!);
      return Object.fromEntries(Object.entries(mine).map(([path, text]) => [name === 'shared' ? path : `${name}.${path}`, text]));
    })) as Record<string, string>;
    const english = all('en');
    const stale = Object.entries(SAME_AS_ENGLISH).flatMap(([lang, paths]) => {
      const mine = all(lang);
      return paths.filter((path) => mine[path] !== english[path]).map((path) => `${lang} ${path}`);
    });
    expect(stale).to.deep.equal([]);
  });

  it('chooses plural forms with Intl.PluralRules (French counts 0 and 1 as singular)', () => {
    const fr = CHUNKS.fr!;
    expect(fr.skipped(0)).to.match(/^0 enregistrement ignoré/);
    expect(fr.skipped(1)).to.match(/^1 enregistrement ignoré/);
    expect(fr.skipped(2)).to.match(/^2 enregistrements ignorés/);
    expect(CHUNKS.de!.timeline.people('1')).to.equal('1 Person');
    expect(CHUNKS.de!.timeline.people('1.234')).to.equal('1.234 Personen');
  });
});

describe('UI languages', () => {
  it('resolves regional tags to the language that has strings', () => {
    const cases: Record<string, string> = {
      fr: 'fr',
      'fr-CA': 'fr',
      'fr-BE': 'fr',
      'es-419': 'es',
      'es-MX': 'es',
      'it-CH': 'it',
      'nl-BE': 'nl',
      'de-AT': 'de',
      pt: 'pt-BR',
      'pt-BR': 'pt-BR',
      'pt-PT': 'pt-PT',
      'pt-AO': 'pt-PT',
      ja: 'ja',
      'ja-JP': 'ja',
      'ko-KR': 'ko',
      zh: 'zh-Hans',
      'zh-TW': 'zh-Hant',
      'zh-HK': 'zh-Hant',
      'zh-Hant-HK': 'zh-Hant',
      'en-GB': 'en',
      sv: 'en',
      'not a tag!': 'en',
    };
    for (const [tag, expected] of Object.entries(cases)) expect(uiLangFor(tag), tag).to.equal(expected);
  });

  it('a shipped language is used once its chunk has loaded', async () => {
    await loadLocale('it');
    expect(sharedStrings('it').loading).to.equal('Caricamento dei dati…');
    expect(elementStrings('it', 'table', TABLE_STRINGS).table.caption).to.equal('Stazioni di polizia cinesi segnalate all’estero, per paese');
  });
});

describe('addLocale', () => {
  it('adds a language key by key: English for what it lacks, and the console names the missing keys', () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      addLocale('pl', {
        loading: 'Ładowanie danych…',
        skipped: { one: 'Pominięto {1} rekord', few: 'Pominięto {1} rekordy', many: 'Pominięto {1} rekordów', other: 'Pominięto {1} rekordu' },
        credit: { sources: (n: number) => `źródła: ${n}` },
        table: { search: 'Szukaj', coverageUncounted: '{stations} zgłoszonych posterunków w {countries} krajach.' },
        tabel: { search: 'misspelt' },
      } as never);
      expect(uiLangFor('pl-PL')).to.equal('pl');
      const t = elementStrings('pl', 'table', TABLE_STRINGS);
      expect(t.loading).to.equal('Ładowanie danych…');
      expect(t.skipped(2)).to.equal('Pominięto 2 rekordy');
      expect(t.skipped(5)).to.equal('Pominięto 5 rekordów');
      expect(t.credit.sources(3)).to.equal('źródła: 3');
      expect(t.table.search).to.equal('Szukaj');
      expect(t.table.coverageUncounted({ stations: 12, countries: 4 })).to.equal('12 zgłoszonych posterunków w 4 krajach.');
      // Not given: English, key by key.
      expect(t.table.caption).to.equal(TABLE_STRINGS.en.caption);
      expect(t.retry).to.equal('Try again');
      expect(warnings.join('\n')).to.contain('table.caption').and.contain('"pl"');
      expect(warnings.join('\n')).to.contain('retry');
      expect(warnings.join('\n')).to.contain('tabel');
    } finally {
      console.warn = warn;
    }
  });

  it('overrides some strings of a shipped language and leaves the rest', async () => {
    await loadLocale('fr');
    addLocale('fr', { table: { caption: 'Les « commissariats » chinois à l’étranger' } });
    const t = elementStrings('fr', 'table', TABLE_STRINGS);
    expect(t.table.caption).to.equal('Les « commissariats » chinois à l’étranger');
    expect(t.table.search).to.equal('Rechercher');
    expect(t.loading).to.equal('Chargement des données…');
  });
});
