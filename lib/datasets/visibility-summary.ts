import type { TDatasetVisibility } from "@/lib/datasets/schema";

/**
 * "Everyone", or who may see a dataset: "Finance (department), Manager (role)". Ids of deleted roles
 * or departments are skipped; when only such ids remain, nobody but administrators can see it.
 */
export function visibilitySummary(visibility: TDatasetVisibility, names: { roles: ReadonlyMap<string, string>; departments: ReadonlyMap<string, string> }): string {
  const parts = [
    ...visibility.departmentIds.flatMap((id) => (names.departments.has(id) ? [`${names.departments.get(id)} (department)`] : [])),
    ...visibility.roleIds.flatMap((id) => (names.roles.has(id) ? [`${names.roles.get(id)} (role)`] : [])),
  ];
  if (parts.length) return parts.join(", ");
  return visibility.roleIds.length + visibility.departmentIds.length === 0 ? "Everyone" : "Administrators only";
}
