import { describe, expect, it } from "vitest";
import { loopsThrough, type TTriggerNode } from "./loops";

const T1 = "00000000-0000-4000-8000-0000000000a1";
const T2 = "00000000-0000-4000-8000-0000000000a2";
const FLOW = "00000000-0000-4000-8000-0000000000f1";
const TASK = "00000000-0000-4000-8000-0000000000c1";

const node = (id: string, name: string, listen: Partial<TTriggerNode>, actions: TTriggerNode["actions"]): TTriggerNode => ({ id, name, eventType: "DATABASE_ROW_CREATED", taskId: null, flowId: null, tableId: null, ...listen, actions });
const writeRow = (tableId: string) => ({ type: "create_row" as const, config: { tableId, values: {} } });
const notify = { type: "notify" as const, config: { userIds: [], roleIds: [], toActor: true, title: "x", body: "" } };

describe("loopsThrough", () => {
  it("finds a trigger that writes into the table it watches", () => {
    const self = node("1", "Copy rows", { tableId: T1 }, [writeRow(T1)]);
    expect(loopsThrough(self, [])).toEqual([["Copy rows", "Copy rows"]]);
  });

  it("finds a cycle through another trigger, and none when the chain ends", () => {
    const a = node("1", "A", { tableId: T1 }, [writeRow(T2)]);
    const b = node("2", "B", { tableId: T2 }, [writeRow(T1)]);
    expect(loopsThrough(a, [b])).toEqual([["A", "B", "A"]]);
    const quiet = node("2", "B", { tableId: T2 }, [notify]);
    expect(loopsThrough(a, [quiet])).toEqual([]);
  });

  it("sees through flow starts to the events of the flow's forms", () => {
    const restart = node("1", "Refile", { eventType: "TASK_COMPLETED", taskId: TASK }, [{ type: "start_flow", config: { flowId: FLOW, data: {}, initiator: "actor" } }]);
    expect(loopsThrough(restart, [], new Map([[FLOW, [TASK]]]))).toEqual([["Refile", "Refile"]]);
    expect(loopsThrough(restart, [], new Map([[FLOW, []]]))).toEqual([]);
  });
});
