// Undo/redo over the draft definition: a reducer with past and future stacks. Consecutive edits that
// share a `coalesce` tag (typing into one input) become one undo step, so Ctrl+Z undoes a word-at-a-
// time burst of typing rather than one character.

export type THistory<T> = { past: T[]; present: T; future: T[]; lastTag: string | null };

export type THistoryAction<T> =
  | { type: "change"; next: T; coalesce?: string }
  | { type: "undo" }
  | { type: "redo" }
  /** Replaces everything (e.g. after loading someone else's version): nothing to undo into. */
  | { type: "reset"; present: T }
  /** Ends coalescing, so the next change starts a new undo step. */
  | { type: "checkpoint" };

export const HISTORY_LIMIT = 200;

export function initialHistory<T>(present: T): THistory<T> {
  return { past: [], present, future: [], lastTag: null };
}

/** The history after `action`; unchanged (same object) when there is nothing to undo or redo. */
export function historyReducer<T>(state: THistory<T>, action: THistoryAction<T>): THistory<T> {
  switch (action.type) {
    case "change": {
      if (Object.is(action.next, state.present)) return state;
      const tag = action.coalesce ?? null;
      if (tag !== null && tag === state.lastTag) return { ...state, present: action.next, future: [] };
      const past = [...state.past, state.present].slice(-HISTORY_LIMIT);
      return { past, present: action.next, future: [], lastTag: tag };
    }
    case "undo": {
      if (state.past.length === 0) return state;
      const previous = state.past[state.past.length - 1];
      return { past: state.past.slice(0, -1), present: previous, future: [state.present, ...state.future], lastTag: null };
    }
    case "redo": {
      if (state.future.length === 0) return state;
      const [next, ...rest] = state.future;
      return { past: [...state.past, state.present].slice(-HISTORY_LIMIT), present: next, future: rest, lastTag: null };
    }
    case "reset":
      return initialHistory(action.present);
    case "checkpoint":
      return state.lastTag === null ? state : { ...state, lastTag: null };
  }
}

export const canUndo = (state: THistory<unknown>) => state.past.length > 0;
export const canRedo = (state: THistory<unknown>) => state.future.length > 0;
