// User services on real PostgreSQL: the last-admin rule under concurrency, reporting loops, session
// revocation, tenancy, the People list, and an audit entry committed with every change.
import { afterAll, describe, expect, it } from "vitest";
import { loadPrincipal } from "@/lib/auth/session";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { listPeoplePage } from "@/lib/org/users/queries";
import { ZUserListQuery } from "@/lib/org/users/schema";
import { deactivateUser, reactivateUser, requestPasswordReset, updateUser } from "@/lib/org/users/service";
import { contextFor, createCompany, createUser, TEST_PASSWORD } from "../support/fixtures";
import { openSession, rejection } from "../support/outcomes";

afterAll(() => db.$disconnect());

const meta = { ipAddress: "203.0.113.9", userAgent: "vitest" };

/** The editable fields of a user as they are, with `changes` applied (what the edit form submits). */
async function edit(user: { id: string }, changes: Partial<Parameters<typeof updateUser>[1]> = {}) {
  const current = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { roles: true } });
  return {
    id: current.id,
    firstName: current.firstName,
    lastName: current.lastName,
    systemRole: current.systemRole,
    roleIds: current.roles.map((role) => role.roleId),
    departmentId: current.departmentId,
    managerId: current.managerId,
    ...changes,
  };
}

describe("the last active admin", () => {
  it("cannot be demoted or deactivated (409), and nothing changes", async () => {
    const company = await createCompany(db);
    const admin = await createUser(db, company, { systemRole: "ADMIN" });
    const developer = await createUser(db, company, { systemRole: "DEVELOPER" });
    const ctx = contextFor(company, developer.id);
    const demotion = await rejection(updateUser(ctx, await edit(admin, { systemRole: "MANAGER" })));
    expect(demotion.code).toBe("CONFLICT");
    expect(demotion.status).toBe(409);
    expect(demotion.message).toMatch(/last active admin/);
    expect((await rejection(deactivateUser(ctx, { id: admin.id }))).code).toBe("CONFLICT");
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ systemRole: "ADMIN", isActive: true });
    expect(await db.auditLog.count({ where: { companyId: company.id, entityId: admin.id } })).toBe(0);
  });

  it("can be demoted once another admin exists; an inactive admin does not count", async () => {
    const company = await createCompany(db);
    const first = await createUser(db, company, { systemRole: "ADMIN" });
    await createUser(db, company, { systemRole: "ADMIN", isActive: false });
    const ctx = contextFor(company, first.id);
    expect((await rejection(updateUser(ctx, await edit(first, { systemRole: "EMPLOYEE" })))).code).toBe("CONFLICT");
    const second = await createUser(db, company, { systemRole: "ADMIN" });
    await updateUser(ctx, await edit(first, { systemRole: "EMPLOYEE" }));
    expect((await db.user.findUniqueOrThrow({ where: { id: first.id } })).systemRole).toBe("EMPLOYEE");
    expect((await rejection(deactivateUser(contextFor(company, second.id), { id: second.id }))).message).toMatch(/cannot deactivate yourself/);
  });

  it("survives two concurrent demotions: exactly one succeeds, every time", async () => {
    for (let round = 0; round < 5; round++) {
      const company = await createCompany(db);
      const a = await createUser(db, company, { systemRole: "ADMIN" });
      const b = await createUser(db, company, { systemRole: "ADMIN" });
      const [demoteB, demoteA] = await Promise.all([edit(b, { systemRole: "MANAGER" }), edit(a, { systemRole: "MANAGER" })]);
      const outcomes = await Promise.allSettled([updateUser(contextFor(company, a.id), demoteB), updateUser(contextFor(company, b.id), demoteA)]);
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      const failure = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
      // The loser is refused either as the last admin (CONFLICT) or, when the winner demoted the loser's
      // own actor first, because that actor is no longer an admin (FORBIDDEN). Never both succeed.
      expect(["CONFLICT", "FORBIDDEN"]).toContain((failure.reason as AppError).code);
      expect(await db.user.count({ where: { companyId: company.id, systemRole: "ADMIN", isActive: true } })).toBe(1);
    }
  });

  it("survives a concurrent demotion and deactivation of the two admins", async () => {
    const company = await createCompany(db);
    const developer = await createUser(db, company, { systemRole: "DEVELOPER" });
    const a = await createUser(db, company, { systemRole: "ADMIN" });
    const b = await createUser(db, company, { systemRole: "ADMIN" });
    const ctx = contextFor(company, developer.id);
    const outcomes = await Promise.allSettled([deactivateUser(ctx, { id: a.id }), updateUser(ctx, await edit(b, { systemRole: "EMPLOYEE" }))]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { companyId: company.id, systemRole: "ADMIN", isActive: true } })).toBe(1);
  });
});

describe("editing people", () => {
  it("refuses a reporting loop (A manages B manages A), directly or through others", async () => {
    const company = await createCompany(db);
    const admin = await createUser(db, company, { systemRole: "ADMIN" });
    const [a, b, c] = [await createUser(db, company), await createUser(db, company), await createUser(db, company)];
    const ctx = contextFor(company, admin.id);
    await updateUser(ctx, await edit(b, { managerId: a.id }));
    const direct = await rejection(updateUser(ctx, await edit(a, { managerId: b.id })));
    expect(direct.code).toBe("VALIDATION");
    expect(direct.fieldErrors?.managerId?.[0]).toMatch(/reporting loop/);
    await updateUser(ctx, await edit(c, { managerId: b.id }));
    expect((await rejection(updateUser(ctx, await edit(a, { managerId: c.id })))).fieldErrors?.managerId?.[0]).toMatch(/indirectly/);
    expect((await rejection(updateUser(ctx, await edit(a, { managerId: a.id })))).fieldErrors?.managerId).toEqual(["Someone cannot be their own manager."]);
    expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).managerId).toBeNull();
  });

  it("refuses two concurrent changes that together would make a loop", async () => {
    const company = await createCompany(db);
    const admin = await createUser(db, company, { systemRole: "ADMIN" });
    const [a, b] = [await createUser(db, company), await createUser(db, company)];
    const ctx = contextFor(company, admin.id);
    const outcomes = await Promise.allSettled([updateUser(ctx, await edit(a, { managerId: b.id })), updateUser(ctx, await edit(b, { managerId: a.id }))]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
  });

  it("changes roles, department and name, and audits before/after", async () => {
    const company = await createCompany(db);
    const admin = await createUser(db, company, { systemRole: "ADMIN" });
    const person = await createUser(db, company);
    const finance = await db.role.create({ data: { companyId: company.id, name: "Finance" } });
    const department = await db.department.create({ data: { companyId: company.id, name: "Money" } });
    await updateUser(contextFor(company, admin.id), await edit(person, { firstName: "Fay", roleIds: [finance.id], departmentId: department.id, systemRole: "MANAGER" }));
    const after = await db.user.findUniqueOrThrow({ where: { id: person.id }, include: { roles: true } });
    expect(after).toMatchObject({ firstName: "Fay", departmentId: department.id, systemRole: "MANAGER" });
    expect(after.roles.map((role) => role.roleId)).toEqual([finance.id]);
    const entry = await db.auditLog.findFirstOrThrow({ where: { companyId: company.id, entityId: person.id } });
    expect(entry.action).toBe("user.role_changed");
    expect(entry.changes).toMatchObject({ firstName: { from: "Test", to: "Fay" }, systemRole: { from: "EMPLOYEE", to: "MANAGER" }, roleIds: { from: [], to: [finance.id] } });
  });

  it("lets only a developer grant DEVELOPER, and keeps admins off developers", async () => {
    const company = await createCompany(db);
    const admin = await createUser(db, company, { systemRole: "ADMIN" });
    const developer = await createUser(db, company, { systemRole: "DEVELOPER" });
    const manager = await createUser(db, company, { systemRole: "MANAGER" });
    const person = await createUser(db, company);
    const asAdmin = contextFor(company, admin.id);
    expect((await rejection(updateUser(asAdmin, await edit(person, { systemRole: "DEVELOPER" })))).code).toBe("FORBIDDEN");
    expect((await rejection(updateUser(asAdmin, await edit(developer, { firstName: "Renamed" })))).code).toBe("FORBIDDEN");
    expect((await rejection(deactivateUser(asAdmin, { id: developer.id }))).code).toBe("FORBIDDEN");
    expect((await rejection(updateUser(contextFor(company, manager.id), await edit(person, { systemRole: "MANAGER" })))).code).toBe("FORBIDDEN");
    await updateUser(asAdmin, await edit(person, { systemRole: "ADMIN" }));
    await updateUser(contextFor(company, developer.id), await edit(person, { systemRole: "DEVELOPER" }));
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).systemRole).toBe("DEVELOPER");
  });

  it("never touches another company's people: foreign ids are not found", async () => {
    const company = await createCompany(db);
    const admin = await createUser(db, company, { systemRole: "ADMIN" });
    const person = await createUser(db, company);
    const other = await createCompany(db);
    const otherAdmin = await createUser(db, other, { systemRole: "ADMIN" });
    const otherCtx = contextFor(other, otherAdmin.id);
    const hacked = await edit(person, { firstName: "Hacked" });
    for (const attempt of [
      () => updateUser(otherCtx, hacked),
      () => deactivateUser(otherCtx, { id: person.id }),
      () => reactivateUser(otherCtx, { id: person.id }),
      () => requestPasswordReset(otherCtx, { id: person.id }),
    ]) {
      const error = await rejection(attempt());
      expect([error.code, error.message]).toEqual(["NOT_FOUND", "User not found."]);
    }
    // …nor lend their roles, departments or people to this company's users.
    const ctx = contextFor(company, admin.id);
    const foreignRole = await db.role.create({ data: { companyId: other.id, name: "Foreign" } });
    const foreignDepartment = await db.department.create({ data: { companyId: other.id, name: "Foreign" } });
    expect((await rejection(updateUser(ctx, await edit(person, { roleIds: [foreignRole.id] })))).fieldErrors).toHaveProperty("roleIds");
    expect((await rejection(updateUser(ctx, await edit(person, { departmentId: foreignDepartment.id })))).fieldErrors).toHaveProperty("departmentId");
    expect((await rejection(updateUser(ctx, await edit(person, { managerId: otherAdmin.id })))).fieldErrors?.managerId).toEqual(["That person does not exist."]);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).firstName).toBe("Test");
  });
});

describe("deactivation", () => {
  it("ends every session at once, and reactivation lets the person sign in again", async () => {
    const company = await createCompany(db);
    const admin = await createUser(db, company, { systemRole: "ADMIN" });
    const person = await createUser(db, company);
    const sessions = [await openSession(db, company, person), await openSession(db, company, person)];
    expect(await loadPrincipal(sessions[0]!.id)).not.toBeNull();
    const ctx = contextFor(company, admin.id);
    const result = await deactivateUser(ctx, { id: person.id });
    expect(result.sessionsRevoked).toBe(2);
    for (const session of sessions) {
      expect(await loadPrincipal(session.id)).toBeNull();
      expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).not.toBeNull();
    }
    expect((await signInWithPassword({ email: person.email, password: TEST_PASSWORD }, meta)).ok).toBe(false);
    await reactivateUser(ctx, { id: person.id });
    expect(await loadPrincipal(sessions[0]!.id)).toBeNull(); // revoked sessions stay revoked
    expect((await signInWithPassword({ email: person.email, password: TEST_PASSWORD }, meta)).ok).toBe(true);
    const actions = await db.auditLog.findMany({ where: { companyId: company.id, entityId: person.id, action: { startsWith: "user." } }, orderBy: { createdAt: "asc" } });
    expect(actions.map((entry) => entry.action)).toEqual(["user.deactivated", "user.reactivated"]);
    expect(actions[0]!.metadata).toEqual({ sessionsRevoked: 2 });
  });
});

describe("the People list", () => {
  it("searches, filters and sorts within the company, 50 to a page", async () => {
    const company = await createCompany(db);
    const department = await db.department.create({ data: { companyId: company.id, name: "Ops" } });
    const role = await db.role.create({ data: { companyId: company.id, name: "Finance" } });
    for (let index = 0; index < 53; index++) await createUser(db, company, { email: `person${String(index).padStart(2, "0")}@${company.slug}.test` });
    const sarah = await createUser(db, company, { email: `sarah@${company.slug}.test`, departmentId: department.id, isActive: false });
    await db.user.update({ where: { id: sarah.id }, data: { firstName: "Sarah", lastName: "Admin", lastLoginAt: new Date() } });
    await db.userRole.create({ data: { userId: sarah.id, roleId: role.id, companyId: company.id } });
    await createUser(db, await createCompany(db)); // another company's person

    const query = (params: Record<string, string>) => listPeoplePage(company.id, ZUserListQuery.parse(params));
    const first = await query({ sort: "email" });
    expect(first.total).toBe(54);
    expect(first.rows).toHaveLength(50);
    expect((await query({ sort: "email", page: "2" })).rows).toHaveLength(4);
    expect((await query({ q: "sarah adm" })).rows.map((row) => row.email)).toEqual([sarah.email]);
    expect((await query({ department: department.id })).rows.map((row) => row.id)).toEqual([sarah.id]);
    expect((await query({ role: role.id })).rows[0]).toMatchObject({ id: sarah.id, roles: ["Finance"], department: "Ops", isActive: false });
    expect((await query({ status: "deactivated" })).total).toBe(1);
    expect((await query({ status: "active" })).total).toBe(53);
    expect((await query({ sort: "lastSignIn", dir: "desc" })).rows[0]!.id).toBe(sarah.id);
    expect((await query({ sort: "lastSignIn", dir: "asc" })).rows[0]!.id).toBe(sarah.id); // never signed in sorts last either way
    expect((await query({ page: "junk", sort: "nope" })).rows).toHaveLength(50);
  });
});
