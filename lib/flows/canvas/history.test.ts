import { describe, expect, it } from "vitest";
import { canRedo, canUndo, createHistory, redo, record, undo } from "./history";

describe("undo/redo history", () => {
  it("undoes and redoes; a new edit drops the redo stack", () => {
    let history = record(record(createHistory(1), 2), 3);
    history = undo(undo(history));
    expect(history.present).toBe(1);
    expect(canUndo(history)).toBe(false);
    history = redo(history);
    expect(history.present).toBe(2);
    history = record(history, 9);
    expect(canRedo(history)).toBe(false);
    expect(undo(history).present).toBe(2);
    expect(undo(createHistory(5))).toEqual(createHistory(5));
  });

  it("coalesces edits with the same key and stays bounded", () => {
    let history = createHistory("");
    for (const text of ["M", "Ma", "Man"]) history = record(history, text, { key: "name" });
    expect(history.past).toEqual([""]);
    expect(undo(history).present).toBe("");
    let long = createHistory(0);
    for (let i = 1; i <= 10; i++) long = record(long, i, { limit: 3 });
    expect(long.past).toEqual([7, 8, 9]);
  });
});
