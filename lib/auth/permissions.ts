import { z } from "zod";

// The one permission vocabulary: "resource.action". Pure and client-safe, so the UI can hide what a
// user may not do while the server (lib/auth/guard.ts) stays the authority.

export const RESOURCES = [
  "companies",
  "departments",
  "roles",
  "users",
  "tasks",
  "flows",
  "instances",
  "triggers",
  "datasets",
  "tables",
  "records",
  "integrations",
  "audit",
] as const;

export const ACTIONS = ["view", "create", "update", "delete", "publish", "approve", "export"] as const;

export type Resource = (typeof RESOURCES)[number];
export type Action = (typeof ACTIONS)[number];
export type Permission = `${Resource}.${Action}`;

export const ALL_PERMISSIONS: readonly Permission[] = RESOURCES.flatMap((resource) =>
  ACTIONS.map((action) => `${resource}.${action}` as Permission),
);

const PERMISSION_SET = new Set<string>(ALL_PERMISSIONS);

export function isPermission(value: string): value is Permission {
  return PERMISSION_SET.has(value);
}

/** A role's stored permissions: a list of known "resource.action" strings, without duplicates. */
export const ZPermissionList = z
  .array(z.string().refine(isPermission, { message: "Unknown permission" }))
  .transform((list) => [...new Set(list)] as Permission[]);

export type SystemRole = "DEVELOPER" | "ADMIN" | "MANAGER" | "EMPLOYEE";

// What each system role may do before any company role is added. ADMIN and DEVELOPER administer
// their company; MANAGER and EMPLOYEE get the everyday basics and gain the rest through company roles.
const EMPLOYEE_BASE: Permission[] = ["tasks.view", "flows.view", "instances.view", "instances.create", "datasets.view", "departments.view"];
const MANAGER_BASE: Permission[] = [...EMPLOYEE_BASE, "users.view", "roles.view", "instances.approve"];

export const SYSTEM_ROLE_PERMISSIONS: Record<SystemRole, readonly Permission[]> = {
  DEVELOPER: ALL_PERMISSIONS,
  ADMIN: ALL_PERMISSIONS,
  MANAGER: MANAGER_BASE,
  EMPLOYEE: EMPLOYEE_BASE,
};

/** The effective permissions of a user: their system role's plus every company role's. */
export function effectivePermissions(systemRole: SystemRole, rolePermissions: readonly unknown[]): Set<Permission> {
  const granted = new Set<Permission>(SYSTEM_ROLE_PERMISSIONS[systemRole]);
  for (const list of rolePermissions) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) if (typeof entry === "string" && isPermission(entry)) granted.add(entry);
  }
  return granted;
}

/** Whether a permission set allows `permission`. */
export function can(permissions: ReadonlySet<Permission>, permission: Permission): boolean {
  return permissions.has(permission);
}
