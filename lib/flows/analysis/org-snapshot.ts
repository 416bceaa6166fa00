import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { OrgSnapshot } from "./assignee-coverage";

// The organisation as assignee coverage needs it, for one company, in two statements: every person
// with their role ids (people of any state, so an inactive USER assignee can be named), and the names
// of roles and departments. A person's name is "First Last", or their email when both are blank.

type PersonRow = { id: string; name: string; isActive: boolean; departmentId: string | null; managerId: string | null; roleIds: string[] };
type NameRow = { kind: "role" | "department"; id: string; name: string };

/** Loads the company's org snapshot (company-scoped: every row is filtered by companyId). */
export async function loadOrgSnapshot(client: Db | Tx, companyId: string): Promise<OrgSnapshot> {
  const [people, names] = await Promise.all([
    client.$queryRaw<PersonRow[]>`
      SELECT u.id::text AS id,
             COALESCE(NULLIF(btrim(u."firstName" || ' ' || u."lastName"), ''), u.email) AS name,
             u."isActive" AS "isActive", u."departmentId"::text AS "departmentId", u."managerId"::text AS "managerId",
             COALESCE(array_agg(ur."roleId"::text) FILTER (WHERE ur."roleId" IS NOT NULL), '{}') AS "roleIds"
      FROM users u LEFT JOIN user_roles ur ON ur."userId" = u.id AND ur."companyId" = u."companyId"
      WHERE u."companyId" = ${companyId}::uuid
      GROUP BY u.id
      ORDER BY name, u.id`,
    client.$queryRaw<NameRow[]>`
      SELECT 'role' AS kind, id::text AS id, name FROM roles WHERE "companyId" = ${companyId}::uuid
      UNION ALL
      SELECT 'department' AS kind, id::text AS id, name FROM departments WHERE "companyId" = ${companyId}::uuid`,
  ]);
  const namesOf = (kind: NameRow["kind"]) => Object.fromEntries(names.filter((row) => row.kind === kind).map((row) => [row.id, row.name]));
  return {
    users: people.filter((person) => person.isActive).map(({ id, name, roleIds, departmentId, managerId }) => ({ id, name, roleIds, departmentId, managerId })),
    roleNames: namesOf("role"),
    departmentNames: namesOf("department"),
    inactiveUserNames: Object.fromEntries(people.filter((person) => !person.isActive).map((person) => [person.id, person.name])),
  };
}
