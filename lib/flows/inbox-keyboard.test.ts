import { describe, expect, it } from "vitest";
import { commandForKey, initialCursor, isTypingTarget, moveCursor, type InboxCursor } from "./inbox-keyboard";

const body = { tagName: "BODY" };

describe("commandForKey", () => {
  it("maps the inbox shortcuts", () => {
    expect(["j", "k", "ArrowDown", "ArrowUp", "Enter", "a", "r", "x", "?"].map((key) => commandForKey({ key, target: body }))).toEqual([
      "next",
      "previous",
      "next",
      "previous",
      "open",
      "approve",
      "reject",
      "toggle",
      "help",
    ]);
    expect(commandForKey({ key: "q", target: body })).toBeNull();
    expect(commandForKey({ key: "A", target: body })).toBeNull(); // Shift+a is not a shortcut
  });

  it("ignores keys while typing, inside a dialog, or with a modifier", () => {
    expect(commandForKey({ key: "a", target: { tagName: "INPUT", type: "search" } })).toBeNull();
    expect(commandForKey({ key: "j", target: { tagName: "TEXTAREA" } })).toBeNull();
    expect(commandForKey({ key: "j", target: { tagName: "SELECT" } })).toBeNull();
    expect(commandForKey({ key: "j", target: { tagName: "DIV", isContentEditable: true } })).toBeNull();
    expect(commandForKey({ key: "r", target: { tagName: "BUTTON", insideDialog: true } })).toBeNull();
    expect(commandForKey({ key: "r", ctrlKey: true, target: body })).toBeNull();
    expect(commandForKey({ key: "j", metaKey: true, target: body })).toBeNull();
    // A checkbox is not typing: x and j still work from it; Enter on it or on a button/link stays native.
    expect(commandForKey({ key: "x", target: { tagName: "INPUT", type: "checkbox" } })).toBe("toggle");
    expect(commandForKey({ key: "Enter", target: { tagName: "A" } })).toBeNull();
    expect(commandForKey({ key: "Enter", target: { tagName: "BUTTON" } })).toBeNull();
    expect(commandForKey({ key: "Enter", target: { tagName: "DIV" } })).toBe("open");
  });

  it("treats text inputs of any type as typing", () => {
    expect(isTypingTarget({ tagName: "input" })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT", type: "email" })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT", type: "radio" })).toBe(false);
  });
});

describe("moveCursor", () => {
  const ids = ["a", "b", "c"];
  const at = (focusedId: string | null, focusedIndex: number, selected: string[] = []): InboxCursor => ({ focusedId, focusedIndex, selected });

  it("moves within the list and stops at its ends", () => {
    let cursor = initialCursor(ids);
    expect(cursor).toEqual(at("a", 0));
    cursor = moveCursor(cursor, { type: "move", delta: 1 }, ids);
    cursor = moveCursor(cursor, { type: "move", delta: 1 }, ids);
    expect(cursor).toEqual(at("c", 2));
    expect(moveCursor(cursor, { type: "move", delta: 1 }, ids)).toEqual(at("c", 2));
    expect(moveCursor(at("a", 0), { type: "move", delta: -1 }, ids)).toEqual(at("a", 0));
    expect(moveCursor(at(null, 0), { type: "move", delta: -1 }, ids)).toEqual(at("c", 2));
    expect(moveCursor(at(null, 0), { type: "move", delta: 1 }, [])).toEqual(at(null, 0));
    expect(moveCursor(at("a", 0), { type: "focus", id: "b" }, ids)).toEqual(at("b", 1));
    expect(moveCursor(at("a", 0), { type: "focus", id: "zz" }, ids)).toEqual(at("a", 0));
  });

  it("toggles the focused or a given row, and all rows of the page", () => {
    let cursor = moveCursor(at("b", 1), { type: "toggle" }, ids);
    expect(cursor.selected).toEqual(["b"]);
    cursor = moveCursor(cursor, { type: "toggle", id: "c" }, ids);
    expect(cursor.selected).toEqual(["b", "c"]);
    cursor = moveCursor(cursor, { type: "toggle" }, ids);
    expect(cursor.selected).toEqual(["c"]);
    cursor = moveCursor(cursor, { type: "toggleAll" }, ids);
    expect(cursor.selected).toEqual(ids);
    expect(moveCursor(cursor, { type: "toggleAll" }, ids).selected).toEqual([]);
    expect(moveCursor(cursor, { type: "clearSelection" }, ids).selected).toEqual([]);
    expect(moveCursor(at(null, 0), { type: "toggle" }, []).selected).toEqual([]);
  });

  it("keeps the focus on its row through a refetch, and hands it to the next row when that row goes", () => {
    expect(moveCursor(at("b", 1, ["a", "b"]), { type: "sync", ids: ["new", "a", "b", "c"] }, [])).toEqual(at("b", 2, ["a", "b"]));
    // b was approved: c moves up into its place and takes the focus; b leaves the selection.
    expect(moveCursor(at("b", 1, ["a", "b"]), { type: "sync", ids: ["a", "c"] }, [])).toEqual(at("c", 1, ["a"]));
    // the last row went: the focus moves up.
    expect(moveCursor(at("c", 2), { type: "sync", ids: ["a", "b"] }, [])).toEqual(at("b", 1));
    expect(moveCursor(at("a", 0, ["a"]), { type: "sync", ids: [] }, [])).toEqual(at(null, 0));
  });
});
