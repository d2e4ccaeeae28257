import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/source-card/define.js';
import type { OpsSourceCard } from '../src/components/source-card/source-card.js';
import { accessView } from '../src/components/source-card/access.js';
import { CARD_STRINGS } from '../src/components/source-card/strings.js';
import zhHans from '../src/locales/zh-Hans.js';
import { safeHttpUrl } from '../src/shared/safe-url.js';
import { copyOfFixture, FIXTURE_URL, loaded, text } from './helpers.js';

describe('<ops-source-card>', () => {
  it('shows one source: kind badge, publisher, date, title link, reliability note and the copy read', async () => {
    const el = await fixture<OpsSourceCard>(html`<ops-source-card src=${FIXTURE_URL} source="s-news"></ops-source-card>`);
    const root = await loaded(el);
    expect(root.querySelectorAll('[part="card"]')).to.have.length(1);
    expect(text(root.querySelector('[part="badge"]'))).to.equal('News');
    expect(text(root.querySelector('.publisher'))).to.equal('Example Times');
    expect(text(root.querySelector('time'))).to.equal('October 2022');
    const link = root.querySelector('[part="title"] a')!;
    expect(link.getAttribute('href')).to.equal('https://news.example.com/story');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(link.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(text(root.querySelector('[part="reliability"]'))).to.equal('Note on this source: Read via a republished copy.');
    expect(text(root.querySelector('.links'))).to.equal('Copy read: copy.example.net');
  });

  it('labels each kind, Chinese official sources included', async () => {
    const el = await fixture<OpsSourceCard>(html`<ops-source-card src=${FIXTURE_URL} source="s-cn"></ops-source-card>`);
    const root = await loaded(el);
    expect(text(root.querySelector('[part="badge"]'))).to.equal('Chinese official');
    expect(root.querySelector('[part="card"]')!.classList.contains('kind-chinese-official')).to.equal(true);
  });

  it('lists every source behind a station, and behind a country', async () => {
    const el = await fixture<OpsSourceCard>(html`<ops-source-card src=${FIXTURE_URL} for="st-rome"></ops-source-card>`);
    const root = await loaded(el);
    expect(text(root.querySelector('.count'))).to.equal('2 sources');
    expect([...root.querySelectorAll('.publisher')].map((p) => text(p))).to.deep.equal(['Example NGO', 'Example Times']);
    el.for = 'NL';
    await el.updateComplete;
    expect([...root.querySelectorAll('.publisher')].map((p) => text(p))).to.deep.equal(['Example Times']);
  });

  it('says so when the source id is unknown', async () => {
    const el = await fixture<OpsSourceCard>(html`<ops-source-card src=${FIXTURE_URL} source="nope"></ops-source-card>`);
    expect(text((await loaded(el)).querySelector('.note'))).to.equal('No source with the id “nope” in this dataset.');
  });

  it('follows the selection of its group when it has no source or for', async () => {
    const el = await fixture<OpsSourceCard>(html`<ops-source-card src=${FIXTURE_URL} group="cards"></ops-source-card>`);
    const root = await loaded(el);
    expect(text(root.querySelector('.note'))).to.contain('Select a country, station or event');
    document.dispatchEvent(new CustomEvent('ops-select', { detail: { group: 'cards', kind: 'event', id: 'ev-1' } }));
    await el.updateComplete;
    expect([...root.querySelectorAll('.publisher')].map((p) => text(p))).to.deep.equal(['Ministry of Foreign Affairs of the PRC']);
  });

  it('says how each source was read, in words for readers, and never shows the editor note', async () => {
    const data = await copyOfFixture();
    const [ngo, news, cn] = data.sources;
    Object.assign(ngo, { access: 'original', title: 'Example report (headline not known)' });
    Object.assign(news, { access: 'copy', readVia: undefined, url: 'https://copy.example.net/story', editorNote: 'EDITORS ONLY: searched the archive' });
    Object.assign(cn, { access: 'syndicated', url: 'https://www.portal.example/mfa' });
    data.events[0].sources = ['s-cn', 's-news', 's-ngo'];
    const el = await fixture<OpsSourceCard>(html`<ops-source-card .data=${data} for="ev-1"></ops-source-card>`);
    const root = await loaded(el);
    const cards = [...root.querySelectorAll('[part="card"]')];
    const byPublisher = (name: string) => cards.find((c) => text(c.querySelector('.publisher')) === name)!;
    expect(cards.map((c) => text(c.querySelector('[part="access"]'))).sort()).to.deep.equal(['Copy read elsewhere', 'Original', 'Wire or syndicated copy']);
    expect(text(byPublisher('Example Times').querySelector('[part="access-note"]'))).to.equal(
      "Read only as copied on copy.example.net; the original report was not found, so treat this as unconfirmed.",
    );
    expect(text(byPublisher('Ministry of Foreign Affairs of the PRC').querySelector('[part="access-note"]'))).to.equal(
      "Ministry of Foreign Affairs of the PRC's text as carried by portal.example, which publishes it under licence.",
    );
    const ngoCard = byPublisher('Example NGO');
    expect(ngoCard.querySelector('[part="access-note"]')).to.equal(null);
    // The dataset marks an editors' description with "(headline not known)"; readers get a plain sentence, no brackets.
    expect(text(ngoCard.querySelector('[part="title"]'))).to.equal('Example report — original headline not known; title written by the dataset’s editors');
    expect(text(ngoCard.querySelector('[part="title"]'))).not.to.match(/[()]/);
    expect(text(ngoCard.querySelector('[part="title"] a'))).to.equal('Example report');
    expect(text(root)).not.to.contain('[');
    expect(text(root)).not.to.contain('EDITORS ONLY');
  });

  it('names the wire and the outlet when an outlet published a wire story under its own name', () => {
    const wireStory = { id: 'w', publisher: 'CTV News (AP)', title: 'T', date: '2023', url: 'https://www.ctvnews.ca/x', kind: 'news', access: 'syndicated' } as const;
    expect(accessView(wireStory, CARD_STRINGS.en.access).note).to.equal('A text from AP, as published by CTV News.');
    expect(accessView(wireStory, zhHans.card.access).note).to.equal('AP的稿件，由CTV News刊载。');
  });

  it('never links a URL that is not http(s), even from unvalidated code paths', () => {
    expect(safeHttpUrl('javascript:alert(1)')).to.equal(undefined);
    expect(safeHttpUrl('data:text/html,<script>alert(1)</script>')).to.equal(undefined);
    expect(safeHttpUrl('JaVaScRiPt:alert(1)')).to.equal(undefined);
    expect(safeHttpUrl('https://example.org/a?b')).to.equal('https://example.org/a?b');
  });

  it('renders hostile strings as text', async () => {
    const data = await copyOfFixture();
    data.sources[0].title = '<img src=x onerror="window.__pwned=1">';
    data.sources[0].excerpt = '<script>window.__pwned=1</script>';
    const el = await fixture<OpsSourceCard>(html`<ops-source-card .data=${data} source="s-ngo"></ops-source-card>`);
    const root = await loaded(el);
    expect(root.querySelector('img, script')).to.equal(null);
    expect(text(root.querySelector('[part="title"]'))).to.equal('<img src=x onerror="window.__pwned=1">');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows Simplified Chinese UI for lang="zh"', async () => {
    const el = await fixture<OpsSourceCard>(html`<ops-source-card lang="zh" src=${FIXTURE_URL} source="s-ngo"></ops-source-card>`);
    const root = await loaded(el);
    expect(text(root.querySelector('[part="badge"]'))).to.equal('非政府组织报告');
    expect(text(root.querySelector('time'))).to.equal('2022年12月5日');
  });

  it('inherits the language of the page around the widget whose shadow root holds it', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="zh-TW"><span></span></div>`);
    const shadow = outer.querySelector('span')!.attachShadow({ mode: 'open' });
    const card = document.createElement('ops-source-card');
    card.setAttribute('src', FIXTURE_URL);
    card.setAttribute('source', 's-ngo');
    shadow.append(card);
    const root = await loaded(card);
    expect(text(root.querySelector('[part="badge"]'))).to.equal('非政府組織報告');
  });

  it('is accessible (axe)', async () => {
    const el = await fixture<OpsSourceCard>(html`<ops-source-card src=${FIXTURE_URL} for="st-rome"></ops-source-card>`);
    await loaded(el);
    await expect(el).to.be.accessible();
  });
});
