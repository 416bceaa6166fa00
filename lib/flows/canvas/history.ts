// Undo/redo of the canvas: a bounded stack of snapshots ({ definition, layout }). Successive edits
// with the same key (typing in one field, nudging one node) replace the newest snapshot instead of
// piling up one step per keystroke. Pure: each call returns a new history.

export type History<T> = { past: T[]; present: T; future: T[]; lastKey: string | null };

export const HISTORY_LIMIT = 100;

export const createHistory = <T>(present: T): History<T> => ({ past: [], present, future: [], lastKey: null });

/** Records a new present; the redo stack is dropped; at most `limit` steps back are kept. */
export function record<T>(history: History<T>, next: T, options: { key?: string; limit?: number } = {}): History<T> {
  const key = options.key ?? null;
  if (key !== null && key === history.lastKey) return { ...history, present: next, future: [] };
  const past = [...history.past, history.present].slice(-(options.limit ?? HISTORY_LIMIT));
  return { past, present: next, future: [], lastKey: key };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], lastKey: null };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...future] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future, lastKey: null };
}

export const canUndo = (history: History<unknown>) => history.past.length > 0;
export const canRedo = (history: History<unknown>) => history.future.length > 0;
