// Department services on real PostgreSQL: tree rules, nothing orphaned, tenancy, and an audit entry
// committed with every change.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDepartment, deleteDepartment, moveDepartment, updateDepartment } from "@/lib/org/departments/service";
import { contextFor, createCompany, createUser } from "../support/fixtures";

afterAll(() => db.$disconnect());

async function setup() {
  const company = await createCompany(db);
  const admin = await createUser(db, company, { systemRole: "ADMIN" });
  const ctx = contextFor(company, admin.id);
  const engineering = await createDepartment(ctx, { name: "Engineering", description: null, parentId: null, headId: admin.id });
  const platform = await createDepartment(ctx, { name: "Platform", description: null, parentId: engineering.id, headId: null });
  const edge = await createDepartment(ctx, { name: "Edge", description: null, parentId: platform.id, headId: null });
  const finance = await createDepartment(ctx, { name: "Finance", description: null, parentId: null, headId: null });
  return { company, admin, ctx, engineering, platform, edge, finance };
}

describe("departments", () => {
  it("refuses to move a department under its own descendant, and nothing changes", async () => {
    const { ctx, engineering, edge } = await setup();
    await expect(moveDepartment(ctx, { id: engineering.id, parentId: edge.id })).rejects.toThrow("Cannot move a department under its own sub-department (Edge).");
    expect((await db.department.findUniqueOrThrow({ where: { id: engineering.id } })).parentId).toBeNull();
  });

  it("moves, renames and audits each change with before/after", async () => {
    const { company, ctx, platform, finance } = await setup();
    await moveDepartment(ctx, { id: platform.id, parentId: finance.id });
    await updateDepartment(ctx, { id: platform.id, name: "Platform Finance", description: "Money systems", headId: null });
    const entries = await db.auditLog.findMany({ where: { companyId: company.id, entityId: platform.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => entry.action)).toEqual(["department.created", "department.moved", "department.renamed"]);
    expect(entries[1]!.changes).toEqual({ parentId: { from: expect.any(String), to: finance.id } });
    expect(entries[2]!.changes).toMatchObject({ name: { from: "Platform", to: "Platform Finance" } });
    expect(entries[2]!.ipAddress).toBe("198.51.100.1");
  });

  it("refuses to delete a department with dependants unless told where they go", async () => {
    const { company, ctx, engineering, platform, finance } = await setup();
    const member = await createUser(db, company, { departmentId: engineering.id });
    await expect(deleteDepartment(ctx, { id: engineering.id, moveTo: null, moveDependants: false })).rejects.toThrow(/still has 1 member, 1 sub-department/);
    await deleteDepartment(ctx, { id: engineering.id, moveTo: finance.id, moveDependants: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).departmentId).toBe(finance.id);
    expect((await db.department.findUniqueOrThrow({ where: { id: platform.id } })).parentId).toBe(finance.id);
    expect(await db.department.findUnique({ where: { id: engineering.id } })).toBeNull();
  });

  it("refuses to move dependants into the deleted department's own subtree", async () => {
    const { ctx, engineering, edge } = await setup();
    await expect(deleteDepartment(ctx, { id: engineering.id, moveTo: edge.id, moveDependants: true })).rejects.toThrow(/own subtree/);
    expect(await db.department.findUnique({ where: { id: engineering.id } })).not.toBeNull();
  });

  it("never touches another company's departments: foreign ids are not found", async () => {
    const { finance } = await setup();
    const other = await createCompany(db);
    const otherAdmin = await createUser(db, other, { systemRole: "ADMIN" });
    const otherCtx = contextFor(other, otherAdmin.id);
    await expect(updateDepartment(otherCtx, { id: finance.id, name: "Hacked", description: null, headId: null })).rejects.toThrow("Department not found.");
    await expect(deleteDepartment(otherCtx, { id: finance.id, moveTo: null, moveDependants: true })).rejects.toThrow("Department not found.");
    await expect(createDepartment(otherCtx, { name: "Sub", description: null, parentId: finance.id, headId: null })).rejects.toThrow("That department does not exist.");
    expect((await db.department.findUniqueOrThrow({ where: { id: finance.id } })).name).toBe("Finance");
  });

  it("rolls back the change when the audit entry cannot be written", async () => {
    const { ctx, finance } = await setup();
    const broken = { ...ctx, actorId: "00000000-0000-4000-8000-000000000000" }; // no such user: the audit FK fails
    await expect(updateDepartment(broken, { id: finance.id, name: "Renamed", description: null, headId: null })).rejects.toThrow();
    expect((await db.department.findUniqueOrThrow({ where: { id: finance.id } })).name).toBe("Finance");
  });
});
