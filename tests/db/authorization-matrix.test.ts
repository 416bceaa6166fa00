// The authorisation matrix: every server action and API route of the organisation section, called as
// each system role, as a user whose role lacks the permission, as another company's admin, and
// signed out — on real PostgreSQL, through the real guard and services. Only the request context is
// provided by the test: the session id next-auth would read from the cookie, and request headers.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ sessionId: null as string | null }));

vi.mock("@/lib/auth/auth", () => ({
  auth: async () => (request.sessionId ? { sessionId: request.sessionId } : null),
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: {},
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ origin: "http://localhost:3000", host: "localhost:3000", "user-agent": "matrix", "x-forwarded-for": "192.0.2.9" }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

import { db } from "@/lib/db";
import type { SystemRole } from "@/lib/generated/prisma/enums";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/org/api-keys/actions";
import { updateCompanySettingsAction } from "@/lib/org/company/actions";
import { createDepartmentAction, deleteDepartmentAction, moveDepartmentAction, updateDepartmentAction } from "@/lib/org/departments/actions";
import { createRoleAction, deleteRoleAction, setRolePermissionsAction, updateRoleAction } from "@/lib/org/roles/actions";
import { inviteUserAction, revokeInvitationAction } from "@/lib/org/invitations/actions";
import { deactivateUserAction, reactivateUserAction, requestPasswordResetAction, updateUserAction } from "@/lib/org/users/actions";
import * as invitationRoute from "@/app/api/v1/invitations/[id]/route";
import * as invitationsRoute from "@/app/api/v1/invitations/route";
import * as userDeactivateRoute from "@/app/api/v1/users/[id]/deactivate/route";
import * as userRoute from "@/app/api/v1/users/[id]/route";
import * as usersRoute from "@/app/api/v1/users/route";
import * as auditRoute from "@/app/api/v1/audit/route";
import * as auditExportRoute from "@/app/api/v1/audit/export/route";
import * as departmentRoute from "@/app/api/v1/departments/[id]/route";
import * as departmentsRoute from "@/app/api/v1/departments/route";
import * as roleRoute from "@/app/api/v1/roles/[id]/route";
import * as rolesRoute from "@/app/api/v1/roles/route";
import { createCompany, createUser, type TestCompany } from "../support/fixtures";

afterAll(() => db.$disconnect());

type Caller = "DEVELOPER" | "ADMIN" | "MANAGER" | "EMPLOYEE" | "EMPLOYEE_WITH_ROLE" | "OTHER_COMPANY_ADMIN" | "SIGNED_OUT";
const CALLERS: Caller[] = ["DEVELOPER", "ADMIN", "MANAGER", "EMPLOYEE", "EMPLOYEE_WITH_ROLE", "OTHER_COMPANY_ADMIN", "SIGNED_OUT"];
type Outcome = "allowed" | "forbidden" | "not_found" | "unauthenticated";

const sessions = new Map<Caller, string | null>();
let company: TestCompany;
let fixture: { departmentId: string; otherDepartmentId: string; roleId: string; apiKeyId: string; userId: string; invitationId: string };

async function sessionFor(target: TestCompany, systemRole: SystemRole, rolePermissions?: string[]) {
  const user = await createUser(db, target, { systemRole });
  if (rolePermissions) {
    const role = await db.role.create({ data: { companyId: target.id, name: `Granted ${user.id.slice(0, 6)}`, permissions: rolePermissions } });
    await db.userRole.create({ data: { userId: user.id, roleId: role.id, companyId: target.id } });
  }
  const session = await db.session.create({ data: { userId: user.id, companyId: target.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  return session.id;
}

beforeAll(async () => {
  company = await createCompany(db, "Matrix Co");
  const other = await createCompany(db, "Elsewhere");
  for (const role of ["DEVELOPER", "ADMIN", "MANAGER", "EMPLOYEE"] as const) sessions.set(role, await sessionFor(company, role));
  // An employee whose company role grants departments.update only: allowed there, refused elsewhere.
  sessions.set("EMPLOYEE_WITH_ROLE", await sessionFor(company, "EMPLOYEE", ["departments.update"]));
  sessions.set("OTHER_COMPANY_ADMIN", await sessionFor(other, "ADMIN"));
  sessions.set("SIGNED_OUT", null);
});

/** Fresh targets for every cell, so a delete in one cell cannot change another's outcome. */
async function freshTargets() {
  const department = await db.department.create({ data: { companyId: company.id, name: `Dept ${Math.random().toString(36).slice(2, 8)}` } });
  const otherDepartment = await db.department.create({ data: { companyId: company.id, name: `Other ${Math.random().toString(36).slice(2, 8)}` } });
  const role = await db.role.create({ data: { companyId: company.id, name: `Role ${Math.random().toString(36).slice(2, 8)}` } });
  const admin = await db.user.findFirstOrThrow({ where: { companyId: company.id, systemRole: "ADMIN" } });
  const key = await db.apiKey.create({ data: { companyId: company.id, name: "k", prefix: "abcdefgh", keyHash: Math.random().toString(36), scopes: ["departments.view"], createdById: admin.id } });
  const person = await createUser(db, company, { systemRole: "EMPLOYEE" });
  const invitation = await db.invitation.create({
    data: { companyId: company.id, email: `invitee-${Math.random().toString(36).slice(2)}@matrix.test`, tokenHash: Math.random().toString(36), expiresAt: new Date(Date.now() + 86_400_000) },
  });
  fixture = { departmentId: department.id, otherDepartmentId: otherDepartment.id, roleId: role.id, apiKeyId: key.id, userId: person.id, invitationId: invitation.id };
}

type ActionResult = { ok: boolean; error?: string };
const actionOutcome = (result: ActionResult): Outcome => {
  if (result.ok) return "allowed";
  if (/Sign in/.test(result.error ?? "")) return "unauthenticated";
  if (/permission|Only platform/.test(result.error ?? "")) return "forbidden";
  if (/not found|does not exist/i.test(result.error ?? "")) return "not_found";
  throw new Error(`unexpected action result: ${JSON.stringify(result)}`);
};
const routeOutcome = (response: Response): Outcome =>
  response.status < 300 ? "allowed" : response.status === 401 ? "unauthenticated" : response.status === 403 ? "forbidden" : response.status === 404 ? "not_found" : (() => { throw new Error(`unexpected status ${response.status}`); })();

const json = (method: string, body?: unknown) => new Request("http://localhost:3000/api/v1/x", { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const none = { params: Promise.resolve({}) } as never;

/** `foreign`: the outcome for another company's admin — "not_found" when the call names a Matrix Co id. */
type Cell = { name: string; permission: string; foreign: Outcome; run: () => Promise<Outcome> };

const CELLS: Cell[] = [
  { name: "createDepartmentAction", foreign: "not_found", permission: "departments.create", run: async () => actionOutcome(await createDepartmentAction({ name: "New", parentId: fixture.departmentId })) },
  { name: "updateDepartmentAction", foreign: "not_found", permission: "departments.update", run: async () => actionOutcome(await updateDepartmentAction({ id: fixture.departmentId, name: "Renamed" })) },
  { name: "moveDepartmentAction", foreign: "not_found", permission: "departments.update", run: async () => actionOutcome(await moveDepartmentAction({ id: fixture.departmentId, parentId: fixture.otherDepartmentId })) },
  { name: "deleteDepartmentAction", foreign: "not_found", permission: "departments.delete", run: async () => actionOutcome(await deleteDepartmentAction({ id: fixture.departmentId })) },
  { name: "createRoleAction", foreign: "allowed", permission: "roles.create", run: async () => actionOutcome(await createRoleAction({ name: `R ${Math.random()}` })) },
  { name: "updateRoleAction", foreign: "not_found", permission: "roles.update", run: async () => actionOutcome(await updateRoleAction({ id: fixture.roleId, name: `R ${Math.random()}` })) },
  { name: "setRolePermissionsAction", foreign: "not_found", permission: "roles.update", run: async () => actionOutcome(await setRolePermissionsAction({ id: fixture.roleId, permissions: ["users.view"] })) },
  { name: "deleteRoleAction", foreign: "not_found", permission: "roles.delete", run: async () => actionOutcome(await deleteRoleAction({ id: fixture.roleId })) },
  { name: "updateCompanySettingsAction", foreign: "allowed", permission: "companies.update", run: async () => actionOutcome(await updateCompanySettingsAction({ name: "Matrix Co", primaryColor: "#112233", secondaryColor: "#445566" })) },
  { name: "createApiKeyAction", foreign: "allowed", permission: "integrations.create", run: async () => actionOutcome(await createApiKeyAction({ name: "k", scopes: ["departments.view"] })) },
  { name: "revokeApiKeyAction", foreign: "not_found", permission: "integrations.delete", run: async () => actionOutcome(await revokeApiKeyAction({ id: fixture.apiKeyId })) },
  { name: "GET /api/v1/departments", foreign: "allowed", permission: "departments.view", run: async () => routeOutcome(await departmentsRoute.GET(json("GET"), none)) },
  { name: "POST /api/v1/departments", foreign: "allowed", permission: "departments.create", run: async () => routeOutcome(await departmentsRoute.POST(json("POST", { name: "Via API" }), none)) },
  { name: "GET /api/v1/departments/:id", foreign: "not_found", permission: "departments.view", run: async () => routeOutcome(await departmentRoute.GET(json("GET"), params(fixture.departmentId))) },
  { name: "PATCH /api/v1/departments/:id", foreign: "not_found", permission: "departments.update", run: async () => routeOutcome(await departmentRoute.PATCH(json("PATCH", { name: "Patched" }), params(fixture.departmentId))) },
  { name: "DELETE /api/v1/departments/:id", foreign: "not_found", permission: "departments.delete", run: async () => routeOutcome(await departmentRoute.DELETE(json("DELETE"), params(fixture.departmentId))) },
  { name: "GET /api/v1/roles", foreign: "allowed", permission: "roles.view", run: async () => routeOutcome(await rolesRoute.GET(json("GET"), none)) },
  { name: "POST /api/v1/roles", foreign: "allowed", permission: "roles.create", run: async () => routeOutcome(await rolesRoute.POST(json("POST", { name: `API ${Math.random()}` }), none)) },
  { name: "GET /api/v1/roles/:id", foreign: "not_found", permission: "roles.view", run: async () => routeOutcome(await roleRoute.GET(json("GET"), params(fixture.roleId))) },
  { name: "PATCH /api/v1/roles/:id", foreign: "not_found", permission: "roles.update", run: async () => routeOutcome(await roleRoute.PATCH(json("PATCH", { permissions: ["tasks.view"] }), params(fixture.roleId))) },
  { name: "DELETE /api/v1/roles/:id", foreign: "not_found", permission: "roles.delete", run: async () => routeOutcome(await roleRoute.DELETE(json("DELETE"), params(fixture.roleId))) },
  { name: "updateUserAction", foreign: "not_found", permission: "users.update", run: async () => actionOutcome(await updateUserAction({ id: fixture.userId, firstName: "New", lastName: "Name", systemRole: "EMPLOYEE", roleIds: [] })) },
  { name: "deactivateUserAction", foreign: "not_found", permission: "users.delete", run: async () => actionOutcome(await deactivateUserAction({ id: fixture.userId })) },
  { name: "reactivateUserAction", foreign: "not_found", permission: "users.delete", run: async () => actionOutcome(await reactivateUserAction({ id: fixture.userId })) },
  { name: "requestPasswordResetAction", foreign: "not_found", permission: "users.update", run: async () => actionOutcome(await requestPasswordResetAction({ id: fixture.userId })) },
  { name: "inviteUserAction", foreign: "allowed", permission: "users.create", run: async () => actionOutcome(await inviteUserAction({ email: `new-${Math.random().toString(36).slice(2)}@matrix.test` })) },
  { name: "revokeInvitationAction", foreign: "not_found", permission: "users.create", run: async () => actionOutcome(await revokeInvitationAction({ id: fixture.invitationId })) },
  { name: "GET /api/v1/users", foreign: "allowed", permission: "users.view", run: async () => routeOutcome(await usersRoute.GET(json("GET"), none)) },
  { name: "POST /api/v1/users", foreign: "allowed", permission: "users.create", run: async () => routeOutcome(await usersRoute.POST(json("POST", { email: `api-${Math.random().toString(36).slice(2)}@matrix.test` }), none)) },
  { name: "GET /api/v1/users/:id", foreign: "not_found", permission: "users.view", run: async () => routeOutcome(await userRoute.GET(json("GET"), params(fixture.userId))) },
  { name: "PATCH /api/v1/users/:id", foreign: "not_found", permission: "users.update", run: async () => routeOutcome(await userRoute.PATCH(json("PATCH", { firstName: "Patched" }), params(fixture.userId))) },
  { name: "POST /api/v1/users/:id/deactivate", foreign: "not_found", permission: "users.delete", run: async () => routeOutcome(await userDeactivateRoute.POST(json("POST"), params(fixture.userId))) },
  { name: "GET /api/v1/invitations", foreign: "allowed", permission: "users.view", run: async () => routeOutcome(await invitationsRoute.GET(json("GET"), none)) },
  { name: "DELETE /api/v1/invitations/:id", foreign: "not_found", permission: "users.create", run: async () => routeOutcome(await invitationRoute.DELETE(json("DELETE"), params(fixture.invitationId))) },
  { name: "GET /api/v1/audit", foreign: "allowed", permission: "audit.view", run: async () => routeOutcome(await auditRoute.GET(json("GET"), none)) },
  { name: "GET /api/v1/audit/export", foreign: "allowed", permission: "audit.export", run: async () => routeOutcome(await auditExportRoute.GET(json("GET"), none)) },
];

// What each caller may do in Matrix Co (lib/auth/permissions.ts: ADMIN and DEVELOPER hold everything;
// MANAGER and EMPLOYEE hold the everyday basics; EMPLOYEE_WITH_ROLE adds departments.update).
const BASE: Record<"MANAGER" | "EMPLOYEE", string[]> = {
  EMPLOYEE: ["departments.view"],
  MANAGER: ["departments.view", "roles.view", "users.view"],
};

function expected(caller: Caller, cell: Cell): Outcome {
  if (caller === "SIGNED_OUT") return "unauthenticated";
  if (caller === "DEVELOPER" || caller === "ADMIN") return "allowed";
  if (caller === "OTHER_COMPANY_ADMIN") return cell.foreign; // acts in their own company; Matrix Co ids are invisible
  const granted = caller === "EMPLOYEE_WITH_ROLE" ? [...BASE.EMPLOYEE, "departments.update"] : BASE[caller];
  return granted.includes(cell.permission) ? "allowed" : "forbidden";
}

describe("authorisation matrix (organisation)", () => {
  for (const cell of CELLS) {
    it(`${cell.name} (${cell.permission})`, async () => {
      const actual: Record<string, Outcome> = {};
      const wanted: Record<string, Outcome> = {};
      for (const caller of CALLERS) {
        await freshTargets();
        request.sessionId = sessions.get(caller) ?? null;
        actual[caller] = await cell.run();
        wanted[caller] = expected(caller, cell);
      }
      request.sessionId = null;
      expect(actual).toEqual(wanted);
    });
  }

  it("leaves no trace of refused calls: another company's admin changed nothing in Matrix Co", async () => {
    const foreign = await db.auditLog.count({ where: { companyId: company.id, actor: { companyId: { not: company.id } } } });
    expect(foreign).toBe(0);
  });
});
