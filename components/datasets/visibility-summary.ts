import type { TDatasetVisibility } from "@/lib/datasets/schema";

/** "Everyone", or who may see a dataset: "Finance (department), Manager (role)". Unknown ids are skipped. */
export function visibilitySummary(visibility: TDatasetVisibility, names: { roles: ReadonlyMap<string, string>; departments: ReadonlyMap<string, string> }): string {
  const parts = [
    ...visibility.departmentIds.flatMap((id) => (names.departments.has(id) ? [`${names.departments.get(id)} (department)`] : [])),
    ...visibility.roleIds.flatMap((id) => (names.roles.has(id) ? [`${names.roles.get(id)} (role)`] : [])),
  ];
  return parts.length ? parts.join(", ") : "Everyone";
}
