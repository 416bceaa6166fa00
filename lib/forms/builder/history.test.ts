import { describe, expect, it } from "vitest";
import { canRedo, canUndo, HISTORY_LIMIT, historyReducer, initialHistory, type THistory } from "./history";

const run = (state: THistory<number>, ...actions: Parameters<typeof historyReducer<number>>[1][]) => actions.reduce(historyReducer<number>, state);

describe("historyReducer", () => {
  it("undoes and redoes changes in order", () => {
    let state = run(initialHistory(0), { type: "change", next: 1 }, { type: "change", next: 2 });
    state = run(state, { type: "undo" });
    expect(state.present).toBe(1);
    state = run(state, { type: "undo" });
    expect(state.present).toBe(0);
    expect(canUndo(state)).toBe(false);
    state = run(state, { type: "redo" }, { type: "redo" });
    expect(state.present).toBe(2);
    expect(canRedo(state)).toBe(false);
  });
  it("drops the redo stack on a new change", () => {
    const state = run(initialHistory(0), { type: "change", next: 1 }, { type: "undo" }, { type: "change", next: 5 });
    expect(state.present).toBe(5);
    expect(canRedo(state)).toBe(false);
    expect(state.past).toEqual([0]);
  });
  it("coalesces consecutive changes with the same tag into one step until a checkpoint", () => {
    let state = run(initialHistory(0), { type: "change", next: 1, coalesce: "label" }, { type: "change", next: 2, coalesce: "label" }, { type: "change", next: 3, coalesce: "label" });
    expect(state.past).toEqual([0]);
    state = run(state, { type: "checkpoint" }, { type: "change", next: 4, coalesce: "label" });
    expect(state.past).toEqual([0, 3]);
    state = run(state, { type: "change", next: 5, coalesce: "help" });
    expect(state.past).toEqual([0, 3, 4]);
    expect(run(state, { type: "undo" }, { type: "undo" }).present).toBe(3);
  });
  it("is a no-op when there is nothing to undo or redo, or nothing changed", () => {
    const state = initialHistory(7);
    expect(historyReducer(state, { type: "undo" })).toBe(state);
    expect(historyReducer(state, { type: "redo" })).toBe(state);
    expect(historyReducer(state, { type: "change", next: 7 })).toBe(state);
  });
  it("keeps at most HISTORY_LIMIT steps and resets to a clean slate", () => {
    let state = initialHistory(0);
    for (let n = 1; n <= HISTORY_LIMIT + 10; n++) state = historyReducer(state, { type: "change", next: n });
    expect(state.past.length).toBe(HISTORY_LIMIT);
    state = historyReducer(state, { type: "reset", present: 99 });
    expect(state).toEqual(initialHistory(99));
  });
});
