import { describe, expect, it } from "vitest";
import { notificationText } from "./notify-text";

const base = { flowName: "Expenses", levelName: "Manager approval", actorName: "Mike Manager", action: "APPROVED", comment: null };

describe("notificationText", () => {
  it("quotes only what a person wrote", () => {
    expect(notificationText({ ...base, template: "decided", comment: "Fine by me" }).body).toBe('At "Manager approval".\n\n“Fine by me”');
    expect(notificationText({ ...base, template: "completed", reason: "default → completed" }).body).toBe("Your request completed.");
  });

  it("says a rule, not a person, rejected a request that a routing rule sent to rejection", () => {
    const text = notificationText({ ...base, template: "rejected", reason: "Amount 60,000 > 50,000 → rejected" });
    expect(text.body).toBe('The flow\'s rules rejected it after "Manager approval": Amount 60,000 > 50,000 → rejected.');
    expect(text.body).not.toContain("“");
    expect(notificationText({ ...base, template: "rejected", action: "REJECTED", comment: "Over budget" }).body).toBe('Mike Manager rejected it at "Manager approval".\n\n“Over budget”');
  });
});
