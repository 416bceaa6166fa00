import { describe, expect, it } from "vitest";
import { principalsOf } from "@/lib/flows/principals";

describe("principalsOf", () => {
  it("lists the user, each role and the department", () => {
    expect(principalsOf({ userId: "u1", roleIds: ["r1", "r2"], departmentId: "d1" })).toEqual(["u:u1", "r:r1", "r:r2", "d:d1"]);
  });
  it("leaves out a missing department", () => {
    expect(principalsOf({ userId: "u1", roleIds: [], departmentId: null })).toEqual(["u:u1"]);
  });
});
