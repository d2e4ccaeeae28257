/**
 * Loading: one fetch per URL per page, however many widgets ask for it, and
 * one validation per dataset object. Problems are logged once, with the URL.
 */
import type { Dataset } from './schema.js';
import { nextTask } from '../shared/render-turn.js';
import { DatasetError, HTML_INSTEAD_OF_JSON, LOG_PREFIX, logSkipped, MAX_DATASET_BYTES, parseDatasetText, type ValidDataset } from './errors.js';
import { sha256Hex } from './digest.js';
import { EMBEDDED_DATASET } from '../elements.js';

/** Where a dataset came from: a URL, or an object given as the `.data` property. */
export type DatasetOrigin = { kind: 'url'; url: string } | { kind: 'inline' };

export interface LoadedDataset extends ValidDataset {
  origin: DatasetOrigin;
}

/** Datasets already checked on this page (downloaded or given as `.data`): never checked again. */
const checked = new WeakSet<object>();

/** Records a checked dataset, so any element given it as `.data` trusts it. */
export function markChecked(loaded: LoadedDataset): LoadedDataset {
  checked.add(loaded.dataset);
  return loaded;
}

/**
 * A dataset checked earlier on this page, given as `.data` (e.g. the map handing its dataset to
 * its source cards): used as it is, without loading the checks' code or running them again.
 */
export function checkedDataset(data: unknown): LoadedDataset | undefined {
  return typeof data === 'object' && data !== null && checked.has(data)
    ? { dataset: data as Dataset, skipped: [], origin: { kind: 'inline' } }
    : undefined;
}

/**
 * SHA-256 of the dataset this build ships beside its script (set by scripts/build.mjs from
 * data/overseas-police-stations.json.sha256; absent in tests and Storybook).
 */
declare const __OPS_DATASET_SHA256__: string | undefined;
export const BUNDLED_DATASET_SHA256 = typeof __OPS_DATASET_SHA256__ === 'string' ? __OPS_DATASET_SHA256__ : undefined;

/**
 * Parses and checks a downloaded dataset. The exact file this build ships was checked record
 * by record by `data:check` before it was published, so when the bytes match its SHA-256
 * the per-record checks are not run again (the slowest step before the first render).
 * Any other file, or the same file edited by one byte, is checked in full, one task per
 * record list so a large dataset never blocks the page for long.
 */
export async function readDataset(bytes: ArrayBuffer, trusted = BUNDLED_DATASET_SHA256): Promise<ValidDataset> {
  // The digest runs off the main thread: started first, it is done by the time the text is parsed.
  const digest = trusted ? sha256Hex(bytes) : undefined;
  // Content-Length is absent for compressed or chunked responses, so the size is measured again.
  const input = parseDatasetText(new TextDecoder().decode(bytes));
  if (trusted && (await digest) === trusted) {
    return { dataset: input as Dataset, skipped: [] };
  }
  // The validator (valibot and the schema, a third of the shared code) is loaded only now.
  const { validationSteps } = await import('./validate.js');
  const steps = validationSteps(input);
  let step = steps.next();
  while (!step.done) {
    await nextTask();
    step = steps.next();
  }
  return step.value;
}

/** readDataset() for a dataset a server wrote into the page as text: its bytes are what the digest is of. */
export function readDatasetText(text: string): Promise<ValidDataset> {
  return readDataset(new TextEncoder().encode(text).buffer as ArrayBuffer);
}

/** How long a reader waits for the dataset before the widget says so and offers "Try again". */
export const LOAD_TIMEOUT_MS = 20_000;

/** What a server writes in the page with the dataset it rendered from (renderWidget): its JSON, and where the file is published. */
const EMBEDDED_COPY = `${EMBEDDED_DATASET}[data-url]`;

/**
 * The dataset at `url` as a server already put it in this page (renderWidget's
 * `<script data-ops-dataset data-url>`, e.g. an embed page whose query string asks for another
 * view than the one rendered): its text, so the same bytes are not downloaded a second time.
 */
function embeddedCopy(url: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const script of document.querySelectorAll(EMBEDDED_COPY)) {
    let at: string;
    try {
      at = new URL(script.getAttribute('data-url')!, document.baseURI).href;
    } catch {
      continue;
    }
    if (at === url) return script.textContent ?? '';
  }
  return undefined;
}

/** The page's own copy of the dataset at `url`, read and checked like a download (so the bundled file, byte for byte, skips the record checks); undefined if there is none or it cannot be used. */
async function readEmbeddedCopy(url: string): Promise<LoadedDataset | undefined> {
  const text = embeddedCopy(url);
  if (text === undefined) return undefined;
  try {
    const loaded: LoadedDataset = { ...(await readDatasetText(text)), origin: { kind: 'url', url } };
    logSkipped(loaded, url);
    return markChecked(loaded);
  } catch {
    // Not JSON, or not a dataset: the file itself is asked for, and its own errors are the ones shown.
    return undefined;
  }
}

const byUrl = new Map<string, Promise<LoadedDataset>>();
async function fetchDataset(url: string, timeoutMs: number, bundled: boolean): Promise<LoadedDataset> {
  const embedded = await readEmbeddedCopy(url);
  if (embedded) return embedded;
  // One deadline for the whole download, headers and body alike.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetchAndValidate(url, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) {
      throw new DatasetError(`the server did not answer within ${+(timeoutMs / 1000).toFixed(1)} seconds`, url);
    }
    throw error instanceof DatasetError ? withFix(error, url, bundled) : error;
  } finally {
    clearTimeout(timer);
  }
}

const NETWORK_FAILED = 'the network request failed (offline, blocked, or the address is wrong)';

/**
 * The likely fix, for the console. A browser reports a cross-origin request refused for want of
 * CORS headers exactly like a lost connection, so a failure on another origin names CORS first.
 * The bundled dataset missing (a 404, or a dev server's index.html in its place) means the app's
 * bundler did not copy it: the widget itself then says what to set instead.
 */
function withFix(error: DatasetError, url: string, bundled: boolean): DatasetError {
  const missing = error.status === 404 || error.reason === HTML_INSTEAD_OF_JSON;
  if (bundled && missing) {
    return new DatasetError(
      'the dataset that ships with these widgets is not beside their code; set the src attribute to its address, or the .data property to the dataset',
      url,
      error.status,
      'a bundler that does not emit `new URL("…json", import.meta.url)` as an asset (esbuild, for one) leaves it behind: import "overseas-police-stations/data/overseas-police-stations.json" and set it as each element\'s .data, or copy the file to your site and set src',
    );
  }
  if (error.reason === NETWORK_FAILED) {
    const origin = new URL(url).origin;
    const fix =
      origin !== location.origin
        ? `the file is on another origin (${origin}) than this page (${location.origin}): its server must send "Access-Control-Allow-Origin: *" (or this page's origin), or the file must be copied to this site`
        : 'check the address and the connection, and whether an extension or a Content-Security-Policy (connect-src) blocks it';
    return new DatasetError(error.reason, url, error.status, fix);
  }
  if (error.status === 404) return new DatasetError(error.reason, url, error.status, 'no file at this address: check the src attribute, or upload the dataset there');
  return error;
}

async function fetchAndValidate(url: string, signal: AbortSignal): Promise<LoadedDataset> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new DatasetError(NETWORK_FAILED, url);
  }
  if (!response.ok) {
    throw new DatasetError(`the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, url, response.status);
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_DATASET_BYTES) {
    // Refuse before downloading megabytes a reader's phone would then throw away.
    throw new DatasetError(`the dataset is too large (${(declared / 1048576).toFixed(1)} MB; the limit is 25 MB)`, url);
  }
  try {
    const loaded: LoadedDataset = { ...(await readDataset(await response.arrayBuffer())), origin: { kind: 'url', url } };
    logSkipped(loaded, url);
    return markChecked(loaded);
  } catch (error) {
    if (error instanceof DatasetError) throw new DatasetError(error.reason, url);
    throw error;
  }
}


/**
 * Loads and validates the dataset at `url` (absolute); `bundled`: it is the default address, not
 * one the page gave. Failed loads are forgotten so a retry fetches again.
 */
export function loadDataset(url: string, timeoutMs = LOAD_TIMEOUT_MS, bundled = false): Promise<LoadedDataset> {
  let pending = byUrl.get(url);
  if (!pending) {
    pending = fetchDataset(url, timeoutMs, bundled);
    byUrl.set(url, pending);
    pending.then(
      undefined,
      (error: unknown) => {
        byUrl.delete(url);
        const fix = error instanceof DatasetError && error.fix ? ` Likely fix: ${error.fix}.` : '';
        console.error(`${LOG_PREFIX} could not load the dataset from ${url}: ${error instanceof DatasetError ? error.reason : String(error)}.${fix}`);
      },
    );
  }
  return pending;
}

export type { Dataset };
