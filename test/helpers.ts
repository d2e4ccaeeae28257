import { waitUntil } from '@open-wc/testing';

export const FIXTURE_URL = new URL('/test/fixtures/mini.json', location.href).href;

/** Waits until an element has left its loading state (data shown or error shown). */
export async function loaded(el: HTMLElement): Promise<ShadowRoot> {
  await waitUntil(
    () => el.shadowRoot && el.shadowRoot.querySelector('[part="loading"]') === null && el.shadowRoot.children.length > 0,
    `${el.localName} did not finish loading`,
    { timeout: 5000 },
  );
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return el.shadowRoot!;
}

export async function fixtureData(): Promise<Record<string, unknown>> {
  return (await fetch(FIXTURE_URL)).json();
}

/** A fresh deep copy, so a test may break it without touching the others. */
export async function copyOfFixture(): Promise<any> {
  return structuredClone(await fixtureData());
}

export function text(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
