import { expect } from '@open-wc/testing';
import { define } from '../../src/shared/define.js';
import { formatDate } from '../../src/shared/intl.js';
import { uiLangFor } from '../../src/shared/locales.js';
import { VERSION } from '../../src/shared/version.js';
import { baseStyles, rootRelative } from '../../src/shared/styles.js';
import { OpsCountryTable } from '../../src/components/country-table/country-table.js';
import { OpsSourceCard } from '../../src/components/source-card/source-card.js';

describe('uiLangFor', () => {
  it('maps Chinese tags to Simplified or Traditional with Intl.Locale.maximize', () => {
    const cases: Record<string, string> = {
      zh: 'zh-Hans',
      'zh-CN': 'zh-Hans',
      'zh-SG': 'zh-Hans',
      'zh-Hans': 'zh-Hans',
      'zh-TW': 'zh-Hant',
      'zh-HK': 'zh-Hant',
      'zh-MO': 'zh-Hant',
      'zh-Hant': 'zh-Hant',
      en: 'en',
      'fr-CA': 'fr',
      sv: 'en',
      'not a tag!': 'en',
      '': 'en',
    };
    for (const [tag, expected] of Object.entries(cases)) expect(uiLangFor(tag), tag).to.equal(expected);
  });

  it('formats partial dates at their own precision', () => {
    expect(formatDate('2022', 'en')).to.equal('2022');
    expect(formatDate('2022-10', 'en')).to.equal('October 2022');
    expect(formatDate('2022-10-26', 'en')).to.equal('October 26, 2022');
    expect(formatDate('2022-10', 'zh-Hant')).to.equal('2022年10月');
  });
});

describe('define', () => {
  it('does not throw when a tag is already taken, and warns about another version', () => {
    class A extends HTMLElement {
      static version = VERSION;
    }
    class B extends HTMLElement {
      static version = '0.0.0-other';
    }
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      define('ops-test-define', A);
      define('ops-test-define', A);
      expect(warnings).to.deep.equal([]);
      define('ops-test-define', B);
      expect(customElements.get('ops-test-define')).to.equal(A);
      expect(String(warnings[0])).to.contain('already defined by version');
    } finally {
      console.warn = warn;
    }
  });

  it('keeps VERSION equal to package.json', async () => {
    const pkg = await (await fetch('/package.json')).json();
    expect(VERSION).to.equal(pkg.version);
  });
});

describe('rootRelative', () => {
  it('gives every element the same rewritten copy of a shared style: one stylesheet for the page', () => {
    const [a] = rootRelative([baseStyles]);
    const [b] = rootRelative([baseStyles]);
    expect(a).to.equal(b);
    expect(a).to.not.equal(baseStyles);
    const sheet = (c: { elementStyles: unknown[] }) => (c.elementStyles[0] as { styleSheet: CSSStyleSheet }).styleSheet;
    // Styles are finalised when a class is first used (defined or constructed); ask for it here.
    for (const c of [OpsCountryTable, OpsSourceCard]) (c as unknown as { finalize(): void }).finalize();
    expect(sheet(OpsCountryTable)).to.equal(sheet(OpsSourceCard));
  });
});
