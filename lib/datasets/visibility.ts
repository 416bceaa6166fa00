import type { TDatasetVisibility } from "./schema";

/** Whether a user (by roles and department) may read a dataset; empty lists mean everyone. */
export function canSeeDataset(visibility: TDatasetVisibility, viewer: { roleIds: readonly string[]; departmentId: string | null }, isAdmin: boolean): boolean {
  if (isAdmin) return true;
  const { roleIds, departmentIds } = visibility;
  if (roleIds.length === 0 && departmentIds.length === 0) return true;
  return roleIds.some((id) => viewer.roleIds.includes(id)) || (viewer.departmentId !== null && departmentIds.includes(viewer.departmentId));
}

/** Admins and developers see every dataset; a null role is the system itself (timers, triggers). */
export function seesAllDatasets(systemRole: string | null): boolean {
  return systemRole === null || systemRole === "ADMIN" || systemRole === "DEVELOPER";
}
