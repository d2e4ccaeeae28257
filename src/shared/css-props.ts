import { isServer, noChange, type AttributePart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/**
 * Like lit's `styleMap`, but always through CSSOM (`style.setProperty`). `styleMap` writes
 * its first render as a `style="…"` attribute, which a strict Content-Security-Policy
 * (no `'unsafe-inline'` in `style-src`) blocks; CSSOM changes are allowed. Use it as
 * `style=${cssProps({…})}`.
 */
class CssPropsDirective extends Directive {
  #previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style') throw new Error('cssProps() belongs in a style attribute');
  }

  render(props: Record<string, string | undefined>) {
    // A server writes markup only: there the attribute it is (a page that renders it on the server
    // allows it by its hash).
    if (isServer) return Object.entries(props).flatMap(([name, value]) => (value === undefined ? [] : [`${name}:${value}`])).join(';');
    return noChange;
  }

  override update(part: AttributePart, [props]: [Record<string, string | undefined>]) {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const name of this.#previous) if (props[name] === undefined) style.removeProperty(name);
    this.#previous = new Set();
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      this.#previous.add(name);
    }
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
