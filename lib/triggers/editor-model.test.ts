import { describe, expect, it } from "vitest";
import { ZTriggerInput } from "./definition";
import { ACTION_TYPES, newAction, scopeForEvent, splitList, toFormValues } from "./editor-model";

const ids = { taskId: "t", flowId: "f", tableId: "r" };

describe("trigger editor model", () => {
  it("keeps only the scope an event type is narrowed by", () => {
    expect(scopeForEvent("TASK_COMPLETED", ids)).toEqual({ taskId: "t", flowId: null, tableId: null });
    expect(scopeForEvent("FLOW_STARTED", ids)).toEqual({ taskId: null, flowId: "f", tableId: null });
    expect(scopeForEvent("DATABASE_ROW_CREATED", ids)).toEqual({ taskId: null, flowId: null, tableId: "r" });
    expect(scopeForEvent("WEBHOOK_RECEIVED", ids)).toEqual({ taskId: null, flowId: null, tableId: null });
  });

  it("starts every action type with the config its type has (invalid only where the user must choose)", () => {
    for (const type of ACTION_TYPES) {
      const action = newAction(type);
      expect(action.type).toBe(type);
      const parsed = ZTriggerInput.safeParse({ name: "x", eventType: "SCHEDULED", actions: [action] });
      // What is left to fill in is reported at the action's own inputs, nothing else.
      const paths = parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join("."));
      expect(paths.every((path) => path.startsWith("actions.0.config."))).toBe(true);
    }
  });

  it("reads a stored trigger back as form values that parse", () => {
    const values = toFormValues({ name: "HVA", description: null, isActive: true, eventType: "TASK_COMPLETED", eventConfig: {}, condition: "amount > 10000", actions: [{ type: "send_email", config: { to: ["cfo@acme.com"], template: "high_value_expense" } }], settings: { rateLimitPerMinute: 5 }, taskId: "6f1d2c0e-8a4b-4c3d-9e2f-1a2b3c4d5e6f", flowId: null, tableId: null });
    expect(values.settings).toEqual({ stopOnFailure: true, rateLimitPerMinute: 5 });
    expect(ZTriggerInput.parse(values)).toMatchObject({ condition: "amount > 10000", description: null });
  });

  it("splits typed lists on commas, semicolons and new lines", () => {
    expect(splitList(" a@x.com, b@y.com;\nc@z.com ,, ")).toEqual(["a@x.com", "b@y.com", "c@z.com"]);
  });
});
