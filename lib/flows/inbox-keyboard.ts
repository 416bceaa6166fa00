// The inbox's keyboard model, pure: which command a key press means, and how the focused row and
// the selection follow commands and list changes (refetches, items acted on). Client-safe.

export type InboxCommand = "next" | "previous" | "open" | "approve" | "reject" | "toggle" | "help";

const KEYS: Record<string, InboxCommand> = { j: "next", ArrowDown: "next", k: "previous", ArrowUp: "previous", Enter: "open", a: "approve", r: "reject", x: "toggle", "?": "help" };

/** What the target of a key press is, as far as shortcuts care. */
export type KeyTarget = { tagName: string; type?: string; isContentEditable?: boolean; insideDialog?: boolean };
export type KeyPress = { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; target: KeyTarget };

const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset"]);

/** Typing into a field: letters are text there, never shortcuts. */
export function isTypingTarget(target: KeyTarget): boolean {
  const tag = target.tagName.toUpperCase();
  if (target.isContentEditable || tag === "TEXTAREA" || tag === "SELECT") return true;
  return tag === "INPUT" && !NON_TEXT_INPUTS.has((target.type ?? "text").toLowerCase());
}

/**
 * The inbox command for a key press, or null: none while typing or inside a dialog, none with a
 * modifier (browser and screen-reader shortcuts stay theirs), and Enter only when it would not
 * already press a focused button or link.
 */
export function commandForKey(press: KeyPress): InboxCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.target.insideDialog || isTypingTarget(press.target)) return null;
  const command = KEYS[press.key] ?? null;
  if (command === "open" && ["BUTTON", "A", "INPUT"].includes(press.target.tagName.toUpperCase())) return null;
  return command;
}

export type InboxCursor = {
  /** The focused row's instance id (null when the list is empty). */
  focusedId: string | null;
  /** Its position, so when it disappears the row that takes its place gets the focus. */
  focusedIndex: number;
  selected: readonly string[];
};

export type CursorAction =
  | { type: "move"; delta: 1 | -1 }
  | { type: "focus"; id: string }
  | { type: "toggle"; id?: string }
  | { type: "toggleAll" }
  | { type: "clearSelection" }
  /** The visible list changed (a refetch, an optimistic removal, another page). */
  | { type: "sync"; ids: readonly string[] };

export const initialCursor = (ids: readonly string[]): InboxCursor => ({ focusedId: ids[0] ?? null, focusedIndex: 0, selected: [] });

/** The next cursor for an action over the visible ids (in display order). */
export function moveCursor(state: InboxCursor, action: CursorAction, ids: readonly string[]): InboxCursor {
  switch (action.type) {
    case "move": {
      if (ids.length === 0) return { ...state, focusedId: null, focusedIndex: 0 };
      const current = state.focusedId ? ids.indexOf(state.focusedId) : -1;
      const index = current === -1 ? (action.delta === 1 ? 0 : ids.length - 1) : Math.min(ids.length - 1, Math.max(0, current + action.delta));
      return { ...state, focusedId: ids[index]!, focusedIndex: index };
    }
    case "focus": {
      const index = ids.indexOf(action.id);
      return index === -1 ? state : { ...state, focusedId: action.id, focusedIndex: index };
    }
    case "toggle": {
      const id = action.id ?? state.focusedId;
      if (!id || !ids.includes(id)) return state;
      return { ...state, selected: state.selected.includes(id) ? state.selected.filter((other) => other !== id) : [...state.selected, id] };
    }
    case "toggleAll": {
      const allSelected = ids.length > 0 && ids.every((id) => state.selected.includes(id));
      return { ...state, selected: allSelected ? [] : [...ids] };
    }
    case "clearSelection":
      return { ...state, selected: [] };
    case "sync": {
      const next = action.ids;
      const selected = state.selected.filter((id) => next.includes(id));
      if (state.focusedId && next.includes(state.focusedId)) return { focusedId: state.focusedId, focusedIndex: next.indexOf(state.focusedId), selected };
      if (next.length === 0) return { focusedId: null, focusedIndex: 0, selected };
      const index = Math.min(state.focusedIndex, next.length - 1);
      return { focusedId: next[index]!, focusedIndex: index, selected };
    }
  }
}
