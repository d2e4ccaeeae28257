// Issue 7: creating and removing elements many times leaves no listeners or observers behind.
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
  const RealObserver = window.MutationObserver;
  let listeners = 0;
  let observing = 0;

  before(() => {
    document.addEventListener = function (this: Document, type: string, ...rest: unknown[]) {
      if (type === 'ops-select') listeners++;
      return (realAdd as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof document.addEventListener;
    document.removeEventListener = function (this: Document, type: string, ...rest: unknown[]) {
      if (type === 'ops-select') listeners--;
      return (realRemove as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof document.removeEventListener;
    window.MutationObserver = class extends RealObserver {
      #active = false;
      override observe(target: Node, options?: MutationObserverInit) {
        if (!this.#active) observing++;
        this.#active = true;
        super.observe(target, options);
      }
      override disconnect() {
        if (this.#active) observing--;
        this.#active = false;
        super.disconnect();
      }
    };
  });

  after(() => {
    document.addEventListener = realAdd;
    document.removeEventListener = realRemove;
    window.MutationObserver = RealObserver;
  });

  for (const tag of TAGS) {
    it(`<${tag}> mounted and removed 50 times leaves no document listener or observer`, async () => {
      const host = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
      const before = { listeners, observing };
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
      expect(observing - before.observing, 'observers left').to.equal(0);
      // And while connected, each element holds exactly one listener.
      const el = document.createElement(tag);
      host.append(el);
      expect(listeners - before.listeners).to.equal(1);
      el.remove();
    });
  }
});
