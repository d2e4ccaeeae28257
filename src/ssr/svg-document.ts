/**
 * The timeline draws its chart with DOM calls (createElementNS, querySelectorAll, closest,
 * remove) and inserts the element; a server has no DOM. linkedom gives it one for the drawing,
 * and the element writes the result out as markup there.
 */
import { parseHTML } from 'linkedom';

let serverDocument: unknown;

/** Runs `fn` with a `document` to draw in, where there is none (a server). */
export function withServerDocument<T>(fn: () => T): T {
  const g = globalThis as { document?: unknown };
  if (g.document !== undefined) return fn();
  serverDocument ??= parseHTML('<!doctype html><html><body></body></html>').document;
  g.document = serverDocument;
  try {
    return fn();
  } finally {
    delete g.document;
  }
}
