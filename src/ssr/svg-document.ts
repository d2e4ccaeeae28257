/**
 * The few DOM calls the timeline's drawing makes (createElementNS, setAttribute, appendChild,
 * textContent), as plain objects that write themselves out as markup: on a server there is no
 * DOM, and the drawing is the same code as in the browser.
 */
const escapeText = (s: string) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
const escapeAttribute = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

class MarkupElement {
  #attributes = new Map<string, string>();
  #children: Array<MarkupElement | string> = [];
  constructor(readonly localName: string) {}
  setAttribute(name: string, value: unknown): void {
    this.#attributes.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.#attributes.get(name) ?? null;
  }
  appendChild<T extends MarkupElement>(child: T): T {
    this.#children.push(child);
    return child;
  }
  set textContent(text: string) {
    this.#children = [String(text)];
  }
  get outerHTML(): string {
    const attributes = [...this.#attributes].map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
    const inner = this.#children.map((c) => (typeof c === 'string' ? escapeText(c) : c.outerHTML)).join('');
    return `<${this.localName}${attributes}>${inner}</${this.localName}>`;
  }
}

/** Runs `fn` with a `document` that makes markup elements, where there is no document (a server). */
export function withMarkupDocument<T>(fn: () => T): T {
  const g = globalThis as { document?: unknown };
  if (g.document !== undefined) return fn();
  g.document = { createElementNS: (_ns: string, tag: string) => new MarkupElement(tag) };
  try {
    return fn();
  } finally {
    delete g.document;
  }
}
