import { describe, expect, it } from "vitest";
import { whyMine, type WhyInput } from "./why-mine";

const base: WhyInput = { status: "IN_PROGRESS", levelName: "Finance Approval", isInitiator: false, actions: [], alreadyApproved: false, matched: [], waitingFor: ["role Finance"] };

describe("whyMine", () => {
  it("says whose the level is when the viewer may act", () => {
    expect(whyMine({ ...base, actions: ["approve"], matched: ["role Finance"] })).toBe('“Finance Approval” is yours to act on: it waits for role Finance, which is you.');
  });

  it("explains a refusal of self-approval to an initiator who holds the level", () => {
    expect(whyMine({ ...base, isInitiator: true, matched: ["role Finance"] })).toBe('You started this request, and “Finance Approval” does not allow you to decide on your own request.');
  });

  it("names who it waits for when the viewer holds nothing", () => {
    expect(whyMine({ ...base, waitingFor: ["role Manager", "Mike Manager"] })).toBe('“Finance Approval” waits for role Manager and Mike Manager — you are not one of them.');
    expect(whyMine({ ...base, isInitiator: true })).toBe('“Finance Approval” waits for role Finance.');
    expect(whyMine({ ...base, waitingFor: [] })).toContain("nobody yet");
  });

  it("tells an approver of an all-assignees level that their part is done", () => {
    expect(whyMine({ ...base, alreadyApproved: true, matched: ["role Finance"] })).toContain("already approved");
  });

  it("has nothing to say once the request ended", () => {
    expect(whyMine({ ...base, status: "COMPLETED", levelName: null })).toBeNull();
  });
});
