import { describe, expect, it } from "vitest";
import { ALL_PERMISSIONS, can, effectivePermissions, isPermission, ZPermissionList } from "@/lib/auth/permissions";

describe("permission vocabulary", () => {
  it("is every resource × action, as 'resource.action'", () => {
    expect(ALL_PERMISSIONS).toHaveLength(13 * 7);
    expect(ALL_PERMISSIONS).toContain("departments.update");
    expect(ALL_PERMISSIONS).toContain("audit.export");
    expect(isPermission("flows.publish")).toBe(true);
    expect(isPermission("flows.fly")).toBe(false);
    expect(isPermission("__proto__")).toBe(false);
  });

  it("validates stored role permissions and drops duplicates", () => {
    expect(ZPermissionList.parse(["users.view", "users.view", "tasks.create"])).toEqual(["users.view", "tasks.create"]);
    expect(ZPermissionList.safeParse(["users.view", "users.hack"]).success).toBe(false);
  });
});

describe("effectivePermissions", () => {
  it("gives admins and developers everything", () => {
    for (const role of ["ADMIN", "DEVELOPER"] as const) {
      const granted = effectivePermissions(role, []);
      expect(ALL_PERMISSIONS.every((permission) => can(granted, permission))).toBe(true);
    }
  });

  it("gives employees the everyday basics only", () => {
    const granted = effectivePermissions("EMPLOYEE", []);
    expect(can(granted, "instances.create")).toBe(true);
    expect(can(granted, "users.view")).toBe(false);
    expect(can(granted, "roles.update")).toBe(false);
  });

  it("adds company-role permissions and ignores malformed entries", () => {
    const granted = effectivePermissions("EMPLOYEE", [["records.view", "nonsense", 42], "not-a-list", null, ["users.view"]]);
    expect(can(granted, "records.view")).toBe(true);
    expect(can(granted, "users.view")).toBe(true);
    expect([...granted].every(isPermission)).toBe(true);
  });

  it("lets managers approve but not administer", () => {
    const granted = effectivePermissions("MANAGER", []);
    expect(can(granted, "instances.approve")).toBe(true);
    expect(can(granted, "users.update")).toBe(false);
  });
});
