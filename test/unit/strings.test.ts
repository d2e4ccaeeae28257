import { expect } from '@open-wc/testing';
import { SHARED_STRINGS } from '../../src/shared/strings.js';
import { MAP_STRINGS } from '../../src/components/station-map/strings.js';
import { TIMELINE_STRINGS } from '../../src/components/repatriation-timeline/strings.js';
import { TABLE_STRINGS } from '../../src/components/country-table/strings.js';
import { CARD_STRINGS } from '../../src/components/source-card/strings.js';

/** The modules the tables are written in (read as text: a spread leaves no trace in the objects). */
const SOURCES: Record<string, string> = {
  shared: '/src/shared/strings.ts',
  map: '/src/components/station-map/strings.ts',
  timeline: '/src/components/repatriation-timeline/strings.ts',
  table: '/src/components/country-table/strings.ts',
  card: '/src/components/source-card/strings.ts',
};

const TABLES: Record<string, Record<string, object>> = {
  shared: SHARED_STRINGS,
  map: MAP_STRINGS,
  timeline: TIMELINE_STRINGS,
  table: TABLE_STRINGS,
  card: CARD_STRINGS,
};

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

describe('UI strings', () => {
  for (const [name, table] of Object.entries(TABLES)) {
    it(`${name}: every language has every key English has, and no other`, () => {
      const english = shape(table.en!);
      for (const lang of ['zh-Hans', 'zh-Hant']) {
        const keys = shape(table[lang]!);
        expect(english.filter((k) => !keys.includes(k)), `${name} keys missing in ${lang}`).to.deep.equal([]);
        expect(keys.filter((k) => !english.includes(k)), `${name} keys in ${lang} but not in English`).to.deep.equal([]);
      }
    });

    it(`${name}: Traditional Chinese is a table of its own, not Simplified's spread over missing keys`, async () => {
      // A spread would fill a missing key silently with another language's text, and the key test could not see it.
      const source = await (await fetch(SOURCES[name]!)).text();
      expect(source.match(/\.\.\.\s*(en|zhHans|zhHant)\b/g) ?? [], SOURCES[name]).to.deep.equal([]);
      const simplified = new Set(objects(table['zh-Hans']!));
      expect(objects(table['zh-Hant']!).filter((o) => simplified.has(o))).to.deep.equal([]);
    });

    it(`${name}: no string is empty, except the English note that the data is in English`, () => {
      for (const [lang, strings] of Object.entries(table)) {
        const empty = shape(strings).filter((k) => k.endsWith(': string')).map((k) => k.replace(/: string$/, ''))
          .filter((path) => path.split('.').reduce<unknown>((o, key) => (o as Record<string, unknown>)[key], strings) === '');
        expect(empty, `${name} ${lang}`).to.deep.equal(name === 'shared' && lang === 'en' ? ['englishDataNote'] : []);
      }
    });
  }
});
