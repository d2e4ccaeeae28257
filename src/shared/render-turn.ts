/**
 * One task per widget for its first render after a dataset arrives.
 *
 * Widgets that share a dataset all wake up on the same promise; without this, four
 * widgets build their DOM in one long task and a reader's tap waits for all of them
 * (long tasks count as Total Blocking Time). Each caller gets its own macrotask.
 */
type PostTask = (callback: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background' }) => Promise<void>;

const waiting: Array<{ element?: Element; resolve: () => void }> = [];
let pending = false;

/** Resolves in a new task (not a microtask): what came before can paint and answer input. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => postTask(resolve));
}

function postTask(callback: () => void): void {
  const schedule = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler?.postTask;
  if (schedule) {
    void schedule.call((globalThis as { scheduler?: unknown }).scheduler, callback, { priority: 'user-visible' });
    return;
  }
  // A message is a task without setTimeout's 4 ms clamp.
  const channel = new MessageChannel();
  channel.port1.onmessage = () => callback();
  channel.port2.postMessage(null);
}

/** The next widget to render: the first in the document (what a reader sees first), else the first to ask. */
function takeNext(): () => void {
  let best = 0;
  for (let i = 1; i < waiting.length; i++) {
    const a = waiting[best]!.element;
    const b = waiting[i]!.element;
    if (a && b && a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING) best = i;
  }
  return waiting.splice(best, 1)[0]!.resolve;
}

function pump(): void {
  if (pending || waiting.length === 0) return;
  pending = true;
  postTask(() => {
    pending = false;
    takeNext()();
    pump();
  });
}

/** Resolves at the start of a task of the caller's own; widgets earlier in the document go first. */
export function renderTurn(element?: Element): Promise<void> {
  return new Promise((resolve) => {
    waiting.push({ element, resolve });
    pump();
  });
}
