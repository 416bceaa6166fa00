import { describe, expect, it } from "vitest";
import { bulkResultMessage } from "./inbox-results";
import { formatAge, formatDue, formatDuration, formatKeyValue, inboxApiSearch, inboxHref, instanceReference, toInboxPageJson } from "./inbox-view";

const now = new Date("2026-03-02T12:00:00Z");

describe("inbox display helpers", () => {
  it("formats ages in whole units", () => {
    expect(formatDuration(30_000)).toBe("just now");
    expect(formatDuration(-5_000)).toBe("just now");
    expect(formatDuration(5 * 60_000 + 59_000)).toBe("5 min");
    expect(formatAge(new Date("2026-03-02T09:00:00Z"), now)).toBe("3 h");
    expect(formatAge("2026-02-27T11:00:00Z", now)).toBe("3 d"); // 3 d 1 h: February 2026 has 28 days
  });

  it("labels due times, overdue ones as such", () => {
    expect(formatDue(null, now)).toBeNull();
    expect(formatDue("2026-03-02T16:30:00Z", now)).toEqual({ label: "due in 4 h", overdue: false });
    expect(formatDue("2026-03-02T12:00:20Z", now)).toEqual({ label: "due now", overdue: false });
    expect(formatDue(new Date("2026-03-02T10:00:00Z"), now)).toEqual({ label: "overdue by 2 h", overdue: true });
    expect(formatDue(new Date("2026-03-02T11:59:50Z"), now)).toEqual({ label: "overdue by a moment", overdue: true });
  });

  it("shows references and key values the way people quote them", () => {
    expect(instanceReference("3f2a9c1b-0000-4000-8000-000000000000")).toBe("#3F2A9C1B");
    expect(formatKeyValue(12000)).toBe("12,000");
    expect(formatKeyValue(12.5)).toBe("12.5");
    expect(formatKeyValue(true)).toBe("Yes");
    expect(formatKeyValue("travel")).toBe("travel");
  });

  it("keeps filters in the URL, leaving defaults out", () => {
    expect(inboxHref({})).toBe("/inbox");
    expect(inboxHref({ sort: "oldest", page: 1, overdue: false, search: "" })).toBe("/inbox");
    expect(inboxHref({ search: "trip 12", overdue: true, sort: "due", page: 3 })).toBe("/inbox?search=trip+12&overdue=1&sort=due&page=3");
    expect(inboxApiSearch({ search: "x", overdue: true, page: 2 })).toBe("view=inbox&sort=oldest&search=x&overdue=1&page=2");
    expect(inboxApiSearch({ search: undefined, sort: "newest", page: 1 })).toBe("view=inbox&sort=newest");
  });

  it("serialises a page like the route does", () => {
    const item = {
      instanceId: "i",
      version: 2,
      flow: { id: "f", name: "F" },
      level: { id: "l", name: "L" },
      initiator: { id: "u", name: "U" },
      startedAt: now,
      waitingSince: now,
      dueAt: null,
      isOverdue: false,
      keyFields: [],
      via: "u:x",
    };
    const json = toInboxPageJson({ items: [item], page: 1, pageSize: 50, hasMore: false });
    expect(json).toEqual(JSON.parse(JSON.stringify({ data: [item], page: 1, pageSize: 50, hasMore: false })));
  });
});

describe("bulkResultMessage", () => {
  it("counts what happened and quotes why something failed", () => {
    const ok = (id: string) => ({ instanceId: id, ok: true });
    const lost = (id: string) => ({ instanceId: id, ok: false, error: "This request was already approved by Mike Manager at 14:02 UTC." });
    expect(bulkResultMessage("approve", [ok("a"), ok("b"), ok("c"), lost("d")])).toBe("3 approved, 1 failed: This request was already approved by Mike Manager at 14:02 UTC.");
    expect(bulkResultMessage("reject", [ok("a")])).toBe("1 rejected");
    expect(bulkResultMessage("reject", [lost("a"), { instanceId: "b", ok: false, error: "Give a reason" }, { instanceId: "c", ok: false }])).toBe(
      "3 failed: This request was already approved by Mike Manager at 14:02 UTC. (and 2 other reasons)",
    );
    expect(bulkResultMessage("approve", [])).toBe("0 approved");
  });
});
