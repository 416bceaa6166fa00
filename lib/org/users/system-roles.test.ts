import { describe, expect, it } from "vitest";
import { canChangeSystemRole, canManageSystemRole, grantableSystemRoles, removesActiveAdmin } from "@/lib/org/users/system-roles";

describe("system role rules", () => {
  it("lets only a DEVELOPER grant DEVELOPER", () => {
    expect(grantableSystemRoles("DEVELOPER")).toContain("DEVELOPER");
    expect(grantableSystemRoles("ADMIN")).toEqual(["ADMIN", "MANAGER", "EMPLOYEE"]);
    expect(grantableSystemRoles("MANAGER")).toEqual([]);
    expect(grantableSystemRoles("EMPLOYEE")).toEqual([]);
  });

  it("refuses changes to or from a role the actor cannot grant", () => {
    expect(canChangeSystemRole("ADMIN", "EMPLOYEE", "ADMIN")).toBe(true);
    expect(canChangeSystemRole("ADMIN", "EMPLOYEE", "DEVELOPER")).toBe(false);
    expect(canChangeSystemRole("ADMIN", "DEVELOPER", "EMPLOYEE")).toBe(false);
    expect(canChangeSystemRole("MANAGER", "EMPLOYEE", "MANAGER")).toBe(false);
    expect(canChangeSystemRole("MANAGER", "EMPLOYEE", "EMPLOYEE")).toBe(true); // no change
    expect(canChangeSystemRole("DEVELOPER", "ADMIN", "DEVELOPER")).toBe(true);
  });

  it("lets people act on peers and lower roles only", () => {
    expect(canManageSystemRole("ADMIN", "DEVELOPER")).toBe(false);
    expect(canManageSystemRole("ADMIN", "ADMIN")).toBe(true);
    expect(canManageSystemRole("MANAGER", "EMPLOYEE")).toBe(true);
    expect(canManageSystemRole("MANAGER", "ADMIN")).toBe(false);
    expect(canManageSystemRole("DEVELOPER", "DEVELOPER")).toBe(true);
  });

  it("spots a change that takes away an active admin", () => {
    expect(removesActiveAdmin({ systemRole: "ADMIN", isActive: true }, { systemRole: "MANAGER", isActive: true })).toBe(true);
    expect(removesActiveAdmin({ systemRole: "ADMIN", isActive: true }, { systemRole: "ADMIN", isActive: false })).toBe(true);
    expect(removesActiveAdmin({ systemRole: "ADMIN", isActive: true }, { systemRole: "DEVELOPER", isActive: true })).toBe(true);
    expect(removesActiveAdmin({ systemRole: "ADMIN", isActive: false }, { systemRole: "EMPLOYEE", isActive: false })).toBe(false);
    expect(removesActiveAdmin({ systemRole: "MANAGER", isActive: true }, { systemRole: "ADMIN", isActive: true })).toBe(false);
  });
});
