import { describe, expect, it } from "vitest";
import { visibilitySummary } from "./visibility-summary";

const names = { roles: new Map([["r1", "Manager"]]), departments: new Map([["d1", "Finance"], ["d2", "Engineering"]]) };

describe("visibilitySummary", () => {
  it("says everyone when nothing restricts the dataset", () => {
    expect(visibilitySummary({ roleIds: [], departmentIds: [] }, names)).toBe("Everyone");
  });
  it("names departments, then roles, skipping ids that no longer exist", () => {
    expect(visibilitySummary({ roleIds: ["r1", "gone"], departmentIds: ["d1", "d2"] }, names)).toBe("Finance (department), Engineering (department), Manager (role)");
  });
  it("does not claim 'everyone' when every restriction points at deleted ids", () => {
    expect(visibilitySummary({ roleIds: ["gone"], departmentIds: [] }, names)).toBe("Administrators only");
  });
});
