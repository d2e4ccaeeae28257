import { expect } from '@open-wc/testing';
import '../src/index.js';
import { attributesOf, ELEMENT_NAMES, ELEMENTS, elementsJson } from '../src/elements.js';

describe('the element registry (src/elements.ts)', () => {
  it('names every tag the library defines, and each element observes exactly the attributes it lists', () => {
    for (const name of ELEMENT_NAMES) {
      const element = customElements.get(ELEMENTS[name].tag) as (CustomElementConstructor & { observedAttributes: string[] }) | undefined;
      expect(element, ELEMENTS[name].tag).to.not.equal(undefined);
      // `map-state` is the map's own output (reflected for styling and tests), not something a page sets.
      const observed = element!.observedAttributes.filter((a) => a !== 'map-state').sort();
      expect(observed, ELEMENTS[name].tag).to.deep.equal(Object.keys(attributesOf(name)).sort());
    }
  });

  it('is plain data once written out (dist/elements.json)', () => {
    const json = JSON.parse(JSON.stringify(elementsJson()));
    expect(Object.keys(json.elements)).to.deep.equal(ELEMENT_NAMES);
    expect(json.elements['country-table'].attributes.sort).to.deep.equal({ type: 'enum', values: ['country', 'stations', 'bureaus', 'response', 'sources'] });
    expect(json.commonAttributes.theme.values).to.deep.equal(['light', 'dark', 'auto']);
  });
});
