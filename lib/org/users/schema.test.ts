import { describe, expect, it } from "vitest";
import { ZAcceptInvitation, ZInviteUser, ZPatchUser, ZUserListQuery } from "@/lib/org/users/schema";

const TOKEN = "a".repeat(43);

describe("user schemas", () => {
  it("refuses unknown keys in API bodies and keeps absent keys absent in a patch", () => {
    expect(ZInviteUser.safeParse({ email: "x@y.test", isAdmin: true }).success).toBe(false);
    expect(ZPatchUser.safeParse({ passwordHash: "x" }).success).toBe(false);
    expect(ZPatchUser.parse({ firstName: " Ann " })).toEqual({ firstName: "Ann" });
    expect(ZPatchUser.parse({ managerId: null })).toEqual({ managerId: null });
  });

  it("lower-cases invited emails and defaults the role", () => {
    expect(ZInviteUser.parse({ email: "  New.Person@Example.COM " })).toEqual({ email: "new.person@example.com", systemRole: "EMPLOYEE", roleIds: [], departmentId: null });
  });

  it("wants the two passwords to match and applies the password policy", () => {
    const base = { token: TOKEN, firstName: "A", lastName: "B" };
    const mismatch = ZAcceptInvitation.safeParse({ ...base, password: "long enough one", confirmPassword: "long enough two" });
    expect(mismatch.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["confirmPassword", "The passwords do not match"]]);
    expect(ZAcceptInvitation.safeParse({ ...base, password: "12345678", confirmPassword: "12345678" }).success).toBe(false);
    expect(ZAcceptInvitation.safeParse({ ...base, token: "short", password: "long enough one", confirmPassword: "long enough one" }).success).toBe(false);
  });

  it("reads the People page URL leniently", () => {
    expect(ZUserListQuery.parse({ page: "-3", sort: "salary", status: "gone", department: "nope" })).toEqual({ page: 1, sort: "name", dir: "asc", q: undefined, department: undefined, role: undefined, status: undefined });
  });
});
