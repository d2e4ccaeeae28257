import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/country-table/define.js';
import '../src/components/source-card/define.js';
import type { OpsCountryTable } from '../src/components/country-table/country-table.js';
import { translationUrl, type TranslationFile } from '../src/data/translation.js';
import { matchTranslation, sourceHash } from '../src/data/translation-match.js';
import type { Dataset } from '../src/data/schema.js';
import { fixtureData, loaded, text } from './helpers.js';

const OTHER = new URL('/test/fixtures/map-stations.json', location.href).href;
// The mini fixture again (a symbolic link), with translations beside it that the other tests' mini.json has not.
const TRANSLATED = new URL('/test/fixtures/translated/mini.json', location.href).href;

/** Translation files this page has requested since `since` (Resource Timing: what the network saw). */
function translationRequests(since: number): string[] {
  return performance
    .getEntriesByType('resource')
    .filter((e) => e.startTime >= since && /\.zh-Han[st]\.json(\?|$)/.test(e.name))
    .map((e) => e.name);
}

async function table(lang: string | undefined, src = TRANSLATED): Promise<{ el: OpsCountryTable; root: ShadowRoot }> {
  const wrapper = await fixture<HTMLDivElement>(
    Object.assign(document.createElement('div'), {
      innerHTML: `<ops-country-table src="${src}"></ops-country-table>`,
      ...(lang ? { lang } : {}),
    }),
  );
  const el = wrapper.firstElementChild as OpsCountryTable;
  return { el, root: await loaded(el) };
}

async function expand(el: OpsCountryTable, root: ShadowRoot, code: string): Promise<HTMLElement> {
  (root.querySelector(`tr[data-country="${code}"] .expand`) as HTMLButtonElement).click();
  await el.updateComplete;
  return root.querySelector<HTMLElement>(`#${CSS.escape(root.querySelector(`tr[data-country="${code}"] .expand`)!.getAttribute('aria-controls')!)}`)!;
}

/** Captures console messages of one kind during `run`. */
async function capture(kind: 'warn' | 'info', run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console[kind];
  console[kind] = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console[kind] = original;
  }
  return seen;
}

describe('translations of the dataset text', () => {
  // First: nothing else in this page has asked for a translation yet.
  it('an English page downloads no translation', async () => {
    const t0 = performance.now();
    const { el, root } = await table(undefined);
    await expand(el, root, 'NL');
    await new Promise((r) => setTimeout(r, 200));
    expect(performance.getEntriesByType('resource').some((e) => e.startTime >= t0 && e.name.endsWith('/mini.json'))).to.equal(true);
    expect(translationRequests(t0)).to.deep.equal([]);
    expect(text(root.querySelector('.country-notes'))).to.equal('Placeholder country note.');
    expect(root.querySelector('.country-notes [lang="en"]')).to.exist;
    expect(root.querySelector('.translation')).to.equal(null);
  });

  it('a zh-CN page shows the Simplified translation, marked, with the English one tap away', async () => {
    const t0 = performance.now();
    const { el, root } = await table('zh-CN');
    expect(translationRequests(t0)).to.deep.equal([new URL('/test/fixtures/translated/mini.zh-Hans.json', location.href).href]);
    const details = await expand(el, root, 'NL');
    const notes = details.querySelector('.country-notes')!;
    expect(notes.querySelector('[lang="zh-Hans"]')!.textContent).to.equal('占位：国家备注。');
    expect(text(notes.querySelector('.translation-mark'))).to.equal('译自英文，未经审校');
    const reviewed = [...details.querySelectorAll('.responses li')].find((li) => li.textContent!.includes('关闭令'))!;
    expect(text(reviewed.querySelector('.translation-mark'))).to.equal('译自英文，已审校');
    expect(text(root.querySelector('.note'))).to.contain('英文原文的中文译文');

    const button = notes.querySelector('button.translation-toggle') as HTMLButtonElement;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(text(button)).to.equal('英文原文');
    button.click();
    await el.updateComplete;
    expect(notes.querySelector('[lang="en"]')!.textContent).to.equal('Placeholder country note.');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    // Only that field: the others stay translated.
    expect([...details.querySelectorAll('.responses [lang="zh-Hans"]:not(.translation)')].map((n) => n.textContent)).to.have.members(['占位：调查。', '占位：关闭令。']);
    // The keyboard gets it back.
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(notes.querySelector('[lang="zh-Hans"]')!.textContent).to.equal('占位：国家备注。');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    // The row's own preview of the latest response, in the same language.
    const preview = root.querySelector('tr[data-country="NL"] .col-response .summary')!;
    expect(preview.getAttribute('lang')).to.equal('zh-Hans');
    await expect(el).to.be.accessible();
  });

  it('a source card on a Chinese page downloads no translation: it prints no summaries or notes', async () => {
    const t0 = performance.now();
    const wrapper = await fixture<HTMLDivElement>(
      Object.assign(document.createElement('div'), { lang: 'zh-Hans', innerHTML: `<ops-source-card src="${TRANSLATED.replace('mini.json', 'mini.json?card')}" source="s-ngo"></ops-source-card>` }),
    );
    await loaded(wrapper.firstElementChild as HTMLElement);
    await new Promise((r) => setTimeout(r, 200));
    expect(translationRequests(t0)).to.deep.equal([]);
  });

  it('a zh-TW page shows the Traditional file and English wherever a translation is stale', async () => {
    let root!: ShadowRoot;
    let el!: OpsCountryTable;
    const infos = await capture('info', async () => {
      ({ el, root } = await table('zh-TW'));
    });
    const details = await expand(el, root, 'NL');
    // The notes were translated from English that has changed since: the English is shown, unmarked.
    const notes = details.querySelector('.country-notes')!;
    expect(text(notes)).to.equal('Placeholder country note.');
    expect(notes.querySelector('[lang="en"]')).to.exist;
    expect(notes.querySelector('.translation')).to.equal(null);
    // A current translation in the same file is shown.
    expect(details.querySelector('.responses [lang="zh-Hant"]:not(.translation)')!.textContent).to.equal('佔位：調查。');
    expect(infos.join('\n')).to.contain('countries/NL/notes');
  });

  it('a missing translation file leaves the English and names the URL in the console', async () => {
    let root!: ShadowRoot;
    const warnings = await capture('warn', async () => {
      ({ root } = await table('zh-Hans', OTHER));
    });
    expect(root.querySelector('[part="error"]')).to.equal(null);
    expect(root.querySelector('table')).to.exist;
    expect(warnings.join('\n')).to.contain(translationUrl(OTHER, 'zh-Hans'));
    expect(root.querySelector('.translation')).to.equal(null);
    expect(text(root.querySelector('.note'))).to.equal('说明：数据集中的摘要和备注为英文原文。');
  });

  it('a broken translation file leaves the English and names the URL and the problem in the console', async () => {
    // The dataset itself is fine; its translation is not JSON, then has a malformed field.
    const realFetch = window.fetch;
    const bodies = ['{"lang": "zh-Hant", "fields": ', JSON.stringify({ translationOf: 'x', lang: 'zh-Hant', translatedFrom: 'en', fields: { 'countries/NL/notes': { text: '', sourceHash: 'xyz' } } })];
    const broken = `${TRANSLATED}?broken`;
    try {
      for (const [i, body] of bodies.entries()) {
        window.fetch = (input, init) =>
          String(input).includes('.zh-Hant.json') ? Promise.resolve(new Response(body)) : realFetch(input, init);
        let root!: ShadowRoot;
        const warnings = await capture('warn', async () => {
          ({ root } = await table('zh-HK', `${broken}${i}`));
        });
        expect(root.querySelector('[part="error"]')).to.equal(null);
        expect(root.querySelector('.translation')).to.equal(null);
        const log = warnings.join('\n');
        expect(log).to.contain(translationUrl(`${broken}${i}`, 'zh-Hant'));
        expect(log).to.match(i === 0 ? /not usable/ : /fields\["countries\/NL\/notes"\]\.(text|sourceHash)/);
      }
    } finally {
      window.fetch = realFetch;
    }
  });

  it('a page whose language changes to Chinese after loading fetches the translation then', async () => {
    const { el, root } = await table('en');
    const wrapper = el.parentElement!;
    wrapper.lang = 'zh-Hans';
    await waitUntil(() => root.querySelector('tr[data-country="NL"] .col-response .summary[lang="zh-Hans"]'), 'no translation after the language changed');
  });
});

describe('matching a translation to the dataset', () => {
  it('keeps a translation only while its hash is that of the current English', async () => {
    const dataset = (await fixtureData()) as unknown as Dataset;
    const english = dataset.events[0]!.summary;
    const file: TranslationFile = {
      translationOf: 'mini.json',
      lang: 'zh-Hans',
      translatedFrom: 'en',
      fields: {
        [`events/${dataset.events[0]!.id}/summary`]: { text: '当前', sourceHash: (await sourceHash(english))! },
        [`events/${dataset.events[1]!.id}/summary`]: { text: '过时', sourceHash: (await sourceHash(`${dataset.events[1]!.summary} (old)`))! },
        'events/no-such-event/summary': { text: '无', sourceHash: '000000000000' },
      },
    };
    const t = await matchTranslation(file, 'x', dataset);
    expect([...t.fields.keys()]).to.deep.equal([`events/${dataset.events[0]!.id}/summary`]);
    expect(t.stale).to.deep.equal([`events/${dataset.events[1]!.id}/summary`]);
    expect(t.unknown).to.deep.equal(['events/no-such-event/summary']);
  });

  it('finds the file beside the dataset', () => {
    expect(translationUrl('https://example.org/d/overseas-police-stations.json?v=2#x', 'zh-Hant')).to.equal('https://example.org/d/overseas-police-stations.zh-Hant.json?v=2');
  });
});
