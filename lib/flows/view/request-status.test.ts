import { describe, expect, it } from "vitest";
import { historyVerb, requestStatus } from "./request-status";

describe("requestStatus", () => {
  it("reads a running request returned to its initiator as changes requested", () => {
    expect(requestStatus("IN_PROGRESS")).toMatchObject({ key: "running", label: "Running", tone: "info" });
    expect(requestStatus("IN_PROGRESS", true)).toMatchObject({ key: "changes_requested", label: "Changes requested", tone: "warning" });
  });

  it("ignores the changes flag once the request has ended", () => {
    expect(requestStatus("COMPLETED", true)).toMatchObject({ label: "Completed", tone: "success" });
    expect(requestStatus("REJECTED", true)).toMatchObject({ label: "Rejected", tone: "danger" });
    expect(requestStatus("CANCELLED")).toMatchObject({ label: "Cancelled", tone: "neutral" });
  });
});

describe("historyVerb", () => {
  it("names known actions in words and keeps unknown ones readable", () => {
    expect(historyVerb("SENT_BACK")).toBe("sent it back");
    expect(historyVerb("CHANGES_REQUESTED")).toBe("requested changes");
    expect(historyVerb("SOMETHING_NEW")).toBe("something new");
  });
});

describe("referenceOf", () => {
  it("is the first eight hex digits of the id, upper case", async () => {
    const { referenceOf } = await import("./request-status");
    expect(referenceOf("3f2a1b9c-0000-4000-8000-000000000000")).toBe("R-3F2A1B9C");
  });
});
