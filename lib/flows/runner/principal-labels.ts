import "server-only";
import { MANAGER_SLOT } from "@/lib/flows/engine/types";
import { sql } from "./sql";

// People read "role Finance", "department Engineering", "Mike Manager" — never `r:<uuid>`.

export type LabelledPrincipal = { principal: string; label: string };

/** Labels for principal keys of one company; unknown or foreign ids read as "a removed role" etc. */
export async function labelPrincipals(companyId: string, keys: readonly string[], options: { managerName?: string | null } = {}): Promise<Map<string, string>> {
  const of = (prefix: string) => [...new Set(keys.filter((key) => key.startsWith(prefix)).map((key) => key.slice(2)))];
  const rows = await sql<{ key: string; name: string }>({
    name: "flow_principal_labels_v1",
    text: `
    SELECT 'r:' || id AS key, 'role ' || name AS name FROM roles WHERE "companyId" = $1::uuid AND id = ANY($2::uuid[])
    UNION ALL SELECT 'd:' || id, 'department ' || name FROM departments WHERE "companyId" = $1::uuid AND id = ANY($3::uuid[])
    UNION ALL SELECT 'u:' || id, COALESCE(NULLIF(trim("firstName" || ' ' || "lastName"), ''), email) FROM users WHERE "companyId" = $1::uuid AND id = ANY($4::uuid[])`,
    values: [companyId, of("r:"), of("d:"), of("u:")],
  });
  const labels = new Map(rows.map((row) => [row.key, row.name]));
  for (const key of keys) {
    if (labels.has(key)) continue;
    if (key === MANAGER_SLOT) labels.set(key, options.managerName ? `manager of the initiator (${options.managerName})` : "manager of the initiator (none set)");
    else labels.set(key, key.startsWith("r:") ? "a removed role" : key.startsWith("d:") ? "a removed department" : "a removed user");
  }
  return labels;
}

export const labelled = (keys: readonly string[], labels: ReadonlyMap<string, string>): LabelledPrincipal[] => keys.map((principal) => ({ principal, label: labels.get(principal) ?? principal }));
