// Creating and removing elements many times leaves no listeners or observers behind.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/country-table/define.js';
import '../src/components/source-card/define.js';
import '../src/components/repatriation-timeline/define.js';
import '../src/components/station-map/define.js';
import { FIXTURE_URL, loaded } from './helpers.js';

const TAGS = ['ops-country-table', 'ops-source-card', 'ops-repatriation-timeline', 'ops-station-map'];

describe('no leaks', () => {
  const realAdd = document.addEventListener;
  const realRemove = document.removeEventListener;
  const KINDS = ['MutationObserver', 'ResizeObserver', 'IntersectionObserver'] as const;
  type Kind = (typeof KINDS)[number];
  const real = Object.fromEntries(KINDS.map((k) => [k, window[k]])) as { [K in Kind]: (typeof window)[K] };
  let listeners = 0;
  /** Targets observed and not yet let go, by kind of observer. */
  const observing: Record<Kind, number> = { MutationObserver: 0, ResizeObserver: 0, IntersectionObserver: 0 };
  /** Every observe() call, so a test can tell the counting saw the element's observers at all. */
  const observed: Record<Kind, number> = { MutationObserver: 0, ResizeObserver: 0, IntersectionObserver: 0 };

  /** An observer class that counts what its instances watch (observe, unobserve, disconnect). */
  function counting(kind: Kind) {
    const Real = real[kind] as unknown as new (...args: unknown[]) => { observe(t: Node): void; disconnect(): void; unobserve?(t: Node): void };
    return class extends Real {
      #targets = new Set<Node>();
      override observe(target: Node, ...rest: unknown[]) {
        observed[kind]++;
        if (!this.#targets.has(target)) observing[kind]++;
        this.#targets.add(target);
        (super.observe as (...a: unknown[]) => void)(target, ...rest);
      }
      override unobserve(target: Node) {
        if (this.#targets.delete(target)) observing[kind]--;
        super.unobserve?.(target);
      }
      override disconnect() {
        observing[kind] -= this.#targets.size;
        this.#targets.clear();
        super.disconnect();
      }
    };
  }

  before(() => {
    document.addEventListener = function (this: Document, type: string, ...rest: unknown[]) {
      if (type === 'ops-select') listeners++;
      return (realAdd as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof document.addEventListener;
    document.removeEventListener = function (this: Document, type: string, ...rest: unknown[]) {
      if (type === 'ops-select') listeners--;
      return (realRemove as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof document.removeEventListener;
    for (const kind of KINDS) (window as unknown as Record<Kind, unknown>)[kind] = counting(kind);
  });

  after(() => {
    document.addEventListener = realAdd;
    document.removeEventListener = realRemove;
    for (const kind of KINDS) (window as unknown as Record<Kind, unknown>)[kind] = real[kind];
  });

  const WATCHES: Record<string, Kind[]> = {
    'ops-station-map': ['ResizeObserver', 'IntersectionObserver'],
    'ops-repatriation-timeline': ['ResizeObserver'],
  };

  for (const tag of TAGS) {
    it(`<${tag}> mounted and removed 50 times leaves no document listener or observer`, async () => {
      const host = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
      const before = { listeners, observing: { ...observing }, observed: { ...observed } };
      for (let i = 0; i < 50; i++) {
        const el = document.createElement(tag);
        el.setAttribute('src', FIXTURE_URL);
        el.setAttribute('group', 'leak-test');
        el.setAttribute('source', 's-ngo');
        host.append(el);
        if (i % 10 === 0) await loaded(el);
        el.remove();
      }
      expect(listeners - before.listeners, 'ops-select listeners left').to.equal(0);
      for (const kind of KINDS) expect(observing[kind] - before.observing[kind], `${kind} targets left`).to.equal(0);
      // And while connected, each element holds exactly one listener.
      const el = document.createElement(tag);
      host.append(el);
      expect(listeners - before.listeners).to.equal(1);
      el.remove();
      // The counting saw the observers these elements use (it would pass vacuously otherwise).
      for (const kind of WATCHES[tag] ?? []) expect(observed[kind] - before.observed[kind], `${kind}s seen`).to.be.above(0);
    });
  }
});
