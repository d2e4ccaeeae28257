import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/repatriation-timeline/define.js';
import type { OpsRepatriationTimeline } from '../src/components/repatriation-timeline/repatriation-timeline.js';
import { headline } from '../src/components/repatriation-timeline/repatriation-timeline.js';
import { loaded, text } from './helpers.js';
import { hundredfold } from './fixtures/timeline-dense.js';

const FIXTURE = new URL('/test/fixtures/timeline-small.json', location.href).href;
const REAL = new URL('/data/overseas-police-stations.json', location.href).href;

async function timeline(attrs = '', width = 800): Promise<{ el: OpsRepatriationTimeline; root: ShadowRoot }> {
  const wrapper = await fixture<HTMLDivElement>(
    Object.assign(document.createElement('div'), {
      innerHTML: `<ops-repatriation-timeline src="${FIXTURE}" ${attrs}></ops-repatriation-timeline>`,
      style: `width: ${width}px`,
    }),
  );
  const el = wrapper.firstElementChild as OpsRepatriationTimeline;
  const root = await loaded(el);
  await waitUntil(() => root.querySelector('svg.timeline'), 'no chart drawn');
  return { el, root };
}

const marked = (root: ShadowRoot) =>
  [...root.querySelectorAll('svg.timeline .mark')].flatMap((m) => m.getAttribute('data-ids')!.split(' ')).sort();
const chart = (root: ShadowRoot) => root.querySelector('[part="chart"]') as HTMLElement;
const live = (root: ShadowRoot) => text(root.querySelector('[role="status"][aria-live]'));

describe('<ops-repatriation-timeline>', () => {
  it('draws every event of the dataset with a text summary and an accessible name', async () => {
    const { root } = await timeline();
    expect(marked(root)).to.deep.equal(['ev-a1', 'ev-a2', 'ev-a3', 'ev-a4', 'ev-c1', 'ev-c2', 'ev-c3', 'ev-c4', 'ev-x1', 'ev-x2', 'ev-x3']);
    expect(text(root.querySelector('[part="summary"]'))).to.equal(
      '4 individual cases, 4 figures published by the Chinese government and 3 related events, 2016 to 2020. Figures are never added together.',
    );
    const c = chart(root);
    expect(c.getAttribute('tabindex')).to.equal('0');
    expect(c.getAttribute('aria-label')).to.contain('Timeline');
    expect(c.getAttribute('aria-describedby')).to.equal('summary hint');
    expect(text(root.querySelector('.official-note'))).to.contain('Ministry of Foreign Affairs of the PRC');
  });

  it('filters with from, to, kinds and country', async () => {
    expect(marked((await timeline('from="2018" to="2019-06"')).root)).to.deep.equal(['ev-a3', 'ev-c3', 'ev-c4', 'ev-x1', 'ev-x2']);
    expect(marked((await timeline('kinds="persuasion closure"')).root)).to.deep.equal(['ev-c2', 'ev-c3', 'ev-c4', 'ev-x3']);
    const { root } = await timeline('country="NL"');
    expect(marked(root)).to.deep.equal(['ev-c2', 'ev-x1', 'ev-x3']);
    expect(text(root.querySelector('.filter'))).to.equal('Showing events in Netherlands.');
  });

  it('turns vertical below 600 px and back when the space grows', async () => {
    const { el, root } = await timeline('', 360);
    expect(root.querySelector('svg.timeline')!.classList.contains('vertical')).to.equal(true);
    el.parentElement!.style.width = '900px';
    await waitUntil(() => root.querySelector('svg.timeline.horizontal'), 'did not turn horizontal');
    expect(root.querySelector('svg.timeline')!.getAttribute('width')).to.equal('900');
  });

  it('shows a tooltip with date, kind, country, people and summary on hover, as text', async () => {
    const { el, root } = await timeline();
    root.querySelector('[data-ids="ev-x1"] circle')!.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true }));
    await el.updateComplete;
    const tip = root.querySelector('[part="tooltip"]')!;
    expect(text(tip)).to.contain('June 1, 2018 · Investigation · Netherlands');
    // Dataset strings are text, never markup.
    expect(text(tip)).to.contain('Dutch ministry investigates <b>stations</b>.');
    expect(tip.querySelector('b')).to.equal(null);
    root.querySelector('[data-ids="ev-c2"] rect')!.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(text(root.querySelector('[part="tooltip"]'))).to.contain('August 2017 · Persuasion to return · Netherlands 254 people');
    const bar = root.querySelector('.bar[data-ids="ev-a3"] rect')!;
    bar.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(text(root.querySelector('[part="tooltip"]'))).to.contain('Official Chinese claim · part of the year');
    chart(root).dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(root.querySelector('[part="tooltip"]')).to.equal(null);
  });

  it('moves between events with the arrow keys, announces only date and headline, selects with Enter and clears with Escape', async () => {
    const { el, root } = await timeline('group="tl1"');
    chart(root).focus();
    await el.updateComplete;
    // Date order: "2016" (the year) comes before a day in it.
    expect(live(root)).to.equal('2016: Repatriation. Official annual figure for 2016.');
    expect(root.querySelector('[data-ids="ev-a1"]')!.classList.contains('active')).to.equal(true);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(live(root)).to.equal('May 12, 2016: Repatriation. A person returns from Italy.');
    expect(root.querySelector('[data-ids="ev-a1"]')!.classList.contains('active')).to.equal(false);
    expect(root.querySelector('[data-ids="ev-c1"]')!.classList.contains('active')).to.equal(true);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(live(root)).to.contain('October 2020');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(live(root)).to.equal('February 10, 2020: Closure. Closure in the Netherlands.');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(live(root)).to.equal('April 2019 – July 2020: Persuasion to return. Claimed persuasion over a period.');
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'ops-select');
    expect(event.detail).to.deep.equal({ group: 'tl1', kind: 'event', id: 'ev-c4' });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    const card = root.querySelector('[part="selected"] ops-source-card')!;
    expect(card.getAttribute('for')).to.equal('ev-c4');
    await loaded(card as HTMLElement);
    expect(text(card.shadowRoot!)).to.contain('Example report');
    expect(root.querySelector('[data-ids="ev-c4"]')!.classList.contains('selected')).to.equal(true);
    setTimeout(() => sendKeys({ press: 'Escape' }));
    const cleared = await oneEvent(el, 'ops-select');
    expect(cleared.detail).to.deep.equal({ group: 'tl1', kind: null, id: null });
    await el.updateComplete;
    expect(root.querySelector('[part="selected"]')).to.equal(null);
  });

  it('shows its placeholder until the whole widget is drawn, never part of it', async () => {
    // Every state the shadow root passes through (each batch of mutations, each frame) is either
    // the placeholder alone or the widget with its chart: the first drawing is made over several
    // tasks, but put in the document in one.
    const states = new Set<string>();
    const el = document.createElement('ops-repatriation-timeline');
    el.setAttribute('src', REAL);
    const state = () => {
      const root = el.shadowRoot;
      if (!root || !root.children.length) return;
      const loading = root.querySelector('[part="loading"]') !== null;
      const summary = root.querySelector('[part="summary"]') !== null;
      const marks = (root.querySelector('svg.timeline .marks')?.querySelectorAll('.mark').length ?? 0) > 0;
      states.add(loading && !summary && !marks ? 'placeholder' : !loading && summary && marks ? 'drawn' : `partial (loading ${loading}, summary ${summary}, marks ${marks})`);
    };
    const observer = new MutationObserver(state);
    let frame = 0;
    const everyFrame = () => {
      state();
      frame = requestAnimationFrame(everyFrame);
    };
    const wrapper = await fixture<HTMLDivElement>(Object.assign(document.createElement('div'), { style: 'width: 800px' }));
    wrapper.append(el);
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    everyFrame();
    await loaded(el);
    state();
    observer.disconnect();
    cancelAnimationFrame(frame);
    expect([...states]).to.deep.equal(['placeholder', 'drawn']);
  });

  it('makes its first drawing in a task before the one that shows it', async () => {
    // A message posted while the chart's <svg> is made is handled in a later task: if the chart
    // were made and shown in one task (one long task), it would be in the document before that.
    const el = document.createElement('ops-repatriation-timeline');
    el.setAttribute('src', REAL);
    const create = document.createElementNS;
    let made = 0;
    let later = 0;
    let shownAfter: number | undefined;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => later++;
    document.createElementNS = function (this: Document, ns: string | null, name: string, options?: ElementCreationOptions) {
      const node = create.call(this, ns, name, options);
      if (name === 'svg' && ns === 'http://www.w3.org/2000/svg') {
        made++;
        channel.port2.postMessage(null);
      }
      return node;
    } as typeof document.createElementNS;
    try {
      const wrapper = await fixture<HTMLDivElement>(Object.assign(document.createElement('div'), { style: 'width: 800px' }));
      wrapper.append(el);
      const observer = new MutationObserver(() => {
        if (shownAfter === undefined && el.shadowRoot!.querySelector('svg.timeline')) shownAfter = later;
      });
      observer.observe(el.shadowRoot!, { childList: true, subtree: true });
      await loaded(el);
      observer.disconnect();
    } finally {
      document.createElementNS = create;
      channel.port1.close();
    }
    expect(made, 'charts made').to.equal(1);
    expect(shownAfter, 'messages handled between making the chart and showing it').to.equal(1);
  });

  it('selects an event on click', async () => {
    const { el, root } = await timeline();
    setTimeout(() => (root.querySelector('[data-ids="ev-c2"] rect') as SVGElement).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })));
    const event = await oneEvent(el, 'ops-select');
    expect(event.detail).to.deep.equal({ group: null, kind: 'event', id: 'ev-c2' });
    await el.updateComplete;
    expect(text(root.querySelector('[part="selected"] h3'))).to.equal('August 2017 · Persuasion to return · Netherlands');
  });

  it('follows country selections of its group, and ignores other groups', async () => {
    const { el, root } = await timeline('group="tl2"');
    const all = marked(root);
    document.dispatchEvent(new CustomEvent('ops-select', { detail: { group: 'other', kind: 'country', id: 'NL' } }));
    await el.updateComplete;
    expect(marked(root)).to.deep.equal(all);
    document.dispatchEvent(new CustomEvent('ops-select', { detail: { group: 'tl2', kind: 'station', id: 'st-x', country: 'IT' } }));
    await el.updateComplete;
    expect(marked(root)).to.deep.equal(['ev-c1', 'ev-c3']);
    document.dispatchEvent(new CustomEvent('ops-select', { detail: { group: 'tl2', kind: 'country', id: 'NL' } }));
    await el.updateComplete;
    expect(marked(root)).to.deep.equal(['ev-c2', 'ev-x1', 'ev-x3']);
    setTimeout(() => (root.querySelector('.filter button') as HTMLButtonElement).click());
    const cleared = await oneEvent(el, 'ops-select');
    expect(cleared.detail).to.deep.equal({ group: 'tl2', kind: null, id: null });
    await el.updateComplete;
    expect(marked(root)).to.deep.equal(all);
  });

  it('turns the context track off, and lists every event in a table', async () => {
    const { el, root } = await timeline();
    const box = root.querySelector('[part="controls"] input[type="checkbox"]') as HTMLInputElement;
    box.click();
    await el.updateComplete;
    expect(marked(root)).to.not.include('ev-x1');
    expect(root.querySelector('svg .track.context .mark')).to.equal(null);
    box.click();
    await el.updateComplete;
    const button = root.querySelector('[part="controls"] button') as HTMLButtonElement;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const rows = [...root.querySelectorAll('[part="table"] tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-id'))).to.deep.equal([
      'ev-a1', 'ev-c1', 'ev-a2', 'ev-c2', 'ev-c3', 'ev-x1', 'ev-x2', 'ev-a3', 'ev-c4', 'ev-x3', 'ev-a4',
    ]);
    expect(text(rows[7])).to.equal('January 2019 – October 2019 RepatriationOfficial Chinese claim · part of the year Worldwide 1,634 Official figure for January to October 2019 only.');
  });

  it('speaks Chinese from the closest [lang]', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-TW" style="width: 800px"><ops-repatriation-timeline src=${FIXTURE}></ops-repatriation-timeline></div>`);
    const root = await loaded(wrapper.firstElementChild as HTMLElement);
    expect(text(root.querySelector('[part="title"]'))).to.equal('被帶回中國的人，以及與警務站相關的事件');
    expect(text(root.querySelector('[part="controls"] button'))).to.equal('以表格顯示');
    expect(root.querySelector('.bar[data-ids="ev-a1"] .label')!.textContent).to.equal('1,032');
  });

  it('takes a headline from the first sentence of a summary', () => {
    expect(headline('A person returns from Italy. Second sentence.')).to.equal('A person returns from Italy.');
    expect(headline('x'.repeat(200))).to.have.length(158);
  });

  it('moves between 100× the events within a frame budget', async () => {
    const data = await (await fetch(REAL)).json();
    data.events = hundredfold(data.events);
    const el = await fixture<OpsRepatriationTimeline>(html`<div style="width: 1000px"><ops-repatriation-timeline .data=${data}></ops-repatriation-timeline></div>`);
    const tl = el.querySelector('ops-repatriation-timeline')! as OpsRepatriationTimeline;
    const root = await loaded(tl);
    chart(root).focus();
    await tl.updateComplete;
    let worst = 0;
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      chart(root).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      await tl.updateComplete;
      worst = Math.max(worst, performance.now() - t0);
    }
    console.log(`100× events: slowest arrow-key step ${worst.toFixed(1)} ms`);
    expect(worst).to.be.lessThan(250); // loose: the machine is shared; the logged number is what to read
    expect(live(root)).to.contain('2014');
  });

  it('renders the real dataset quickly and passes axe, light and dark, with the table and a selection open', async () => {
    const t0 = performance.now();
    const el = await fixture<OpsRepatriationTimeline>(html`<ops-repatriation-timeline src=${REAL} group="axe"></ops-repatriation-timeline>`);
    const root = await loaded(el);
    console.log(`real dataset: first render in ${(performance.now() - t0).toFixed(0)} ms including fetch, ${el.offsetWidth}×${el.offsetHeight}px`);
    for (const w of [680, 360]) {
      const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${w}px; font-size: 16px"><ops-repatriation-timeline src=${REAL}></ops-repatriation-timeline></div>`);
      const tl = wrap.firstElementChild as OpsRepatriationTimeline;
      await loaded(tl);
      console.log(`first render at ${w}px: ${tl.offsetHeight}px tall`);
    }
    expect(root.querySelectorAll('svg .mark').length).to.be.greaterThan(40);
    await expect(el).to.be.accessible();
    (root.querySelector('[part="controls"] button') as HTMLButtonElement).click();
    document.dispatchEvent(new CustomEvent('ops-select', { detail: { group: 'axe', kind: 'event', id: 'ev-044' } }));
    el.theme = 'dark';
    await el.updateComplete;
    await loaded(root.querySelector('ops-source-card') as HTMLElement);
    await expect(el).to.be.accessible();
  });
});
