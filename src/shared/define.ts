type Versioned = CustomElementConstructor & { version?: string };

/**
 * Registers a tag unless it is already taken, which happens when two copies
 * (or two versions) of the script share a page: the first one wins, and a
 * differing version gets a console warning instead of an exception.
 */
export function define(tag: string, element: Versioned): void {
  const existing = customElements.get(tag) as Versioned | undefined;
  if (existing) {
    if (existing !== element && existing.version !== element.version) {
      console.warn(
        `[overseas-police-stations] <${tag}> is already defined by version ${existing.version ?? 'unknown'}; version ${element.version ?? 'unknown'} was not registered.`,
      );
    }
    return;
  }
  customElements.define(tag, element);
}
