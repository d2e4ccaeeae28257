/**
 * A dataset given as an object (the elements' `.data` property): validated in full,
 * synchronously, once per object. Its own module so that the validator is loaded only
 * by pages that use it.
 */
import { DatasetError, LOG_PREFIX, logSkipped } from './errors.js';
import { markChecked, type LoadedDataset } from './load.js';
import { validateDataset } from './validate.js';

const byObject = new WeakMap<object, LoadedDataset>();

/** Validates a dataset given as an object (the `.data` property); cached per object. */
export function useDataset(data: unknown): LoadedDataset {
  if (typeof data === 'object' && data !== null) {
    const cached = byObject.get(data);
    if (cached) return cached;
  }
  let loaded: LoadedDataset;
  try {
    loaded = { ...validateDataset(data), origin: { kind: 'inline' } };
  } catch (error) {
    if (error instanceof DatasetError) console.error(`${LOG_PREFIX} (inline data): ${error.reason}`);
    throw error;
  }
  logSkipped(loaded, '(inline data)');
  markChecked(loaded);
  if (typeof data === 'object' && data !== null) byObject.set(data, loaded);
  return loaded;
}
