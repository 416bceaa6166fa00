import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "./definition";
import { EVENT_LABELS, isRerunnable, scopeKindOf, statusLabel } from "./labels";

describe("trigger labels", () => {
  it("names every event type and scopes form, flow and row events by what they come from", () => {
    expect(EVENT_TYPES.every((type) => EVENT_LABELS[type])).toBe(true);
    expect(scopeKindOf("TASK_COMPLETED")).toBe("task");
    expect(scopeKindOf("FIELD_CHANGED")).toBe("task");
    expect(scopeKindOf("FLOW_COMPLETED")).toBe("flow");
    expect(scopeKindOf("DATABASE_ROW_UPDATED")).toBe("table");
    expect(scopeKindOf("SCHEDULED")).toBe("none");
    expect(scopeKindOf("WEBHOOK_RECEIVED")).toBe("none");
  });

  it("offers re-run only for failed, dead and partly successful executions", () => {
    expect(["FAILED", "DEAD", "PARTIAL_SUCCESS"].every(isRerunnable)).toBe(true);
    expect(["SUCCESS", "PENDING", "RUNNING", "SKIPPED"].some(isRerunnable)).toBe(false);
    expect(statusLabel("DEAD")).toBe("Dead letter");
    expect(statusLabel("PARTIAL_SUCCESS")).toBe("Partial success");
  });
});
