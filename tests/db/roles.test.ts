// Role services on real PostgreSQL: matrix saved whole, names unique per company, safe deletion.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createRole, deleteRole, setRolePermissions, updateRole } from "@/lib/org/roles/service";
import { contextFor, createCompany, createUser } from "../support/fixtures";

afterAll(() => db.$disconnect());

async function setup() {
  const company = await createCompany(db);
  const admin = await createUser(db, company, { systemRole: "ADMIN" });
  const ctx = contextFor(company, admin.id);
  const role = await createRole(ctx, { name: "Finance", description: "Approves spending", departmentId: null });
  return { company, admin, ctx, role };
}

describe("roles", () => {
  it("saves the permission matrix whole and audits what was granted and revoked", async () => {
    const { company, ctx, role } = await setup();
    await setRolePermissions(ctx, { id: role.id, permissions: ["records.view", "instances.approve"] });
    await setRolePermissions(ctx, { id: role.id, permissions: ["records.view", "records.export"] });
    expect((await db.role.findUniqueOrThrow({ where: { id: role.id } })).permissions).toEqual(["records.export", "records.view"]);
    const last = await db.auditLog.findFirstOrThrow({ where: { companyId: company.id, action: "role.permissions_changed" }, orderBy: { createdAt: "desc" } });
    expect(last.metadata).toEqual({ granted: ["records.export"], revoked: ["instances.approve"] });
  });

  it("keeps names unique per company with a field error, but allows the same name elsewhere", async () => {
    const { ctx } = await setup();
    await expect(createRole(ctx, { name: "Finance", description: null, departmentId: null })).rejects.toMatchObject({ fieldErrors: { name: [expect.stringContaining("already exists")] } });
    const other = await createCompany(db);
    const otherAdmin = await createUser(db, other, { systemRole: "ADMIN" });
    await expect(createRole(contextFor(other, otherAdmin.id), { name: "Finance", description: null, departmentId: null })).resolves.toMatchObject({ name: "Finance" });
  });

  it("asks before removing a role from its holders, and refuses foreign ids", async () => {
    const { company, ctx, role } = await setup();
    const holder = await createUser(db, company);
    await db.userRole.create({ data: { userId: holder.id, roleId: role.id, companyId: company.id } });
    await expect(deleteRole(ctx, { id: role.id, confirmMembers: false })).rejects.toThrow(/1 person holds Finance/);
    const other = await createCompany(db);
    await expect(updateRole(contextFor(other, null), { id: role.id, name: "X", description: null, departmentId: null })).rejects.toThrow("Role not found.");
    await deleteRole(ctx, { id: role.id, confirmMembers: true });
    expect(await db.userRole.count({ where: { roleId: role.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { companyId: company.id, action: "role.deleted", entityId: role.id } })).toBe(1);
  });
});
