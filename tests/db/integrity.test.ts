// Rules the database itself enforces (migration objects named x_…): append-only history and audit,
// immutable published versions, row invariants.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCompany, createUser } from "../support/fixtures";

afterAll(() => db.$disconnect());

async function publishedFlow() {
  const company = await createCompany(db);
  const user = await createUser(db, company, { systemRole: "ADMIN" });
  const flow = await db.flow.create({ data: { companyId: company.id, name: "Purchase", createdById: user.id } });
  const version = await db.flowVersion.create({ data: { companyId: company.id, flowId: flow.id, number: 1 } });
  const level = await db.flowLevel.create({ data: { companyId: company.id, flowVersionId: version.id, name: "Review", order: 1 } });
  await db.flowBranch.create({
    data: { companyId: company.id, flowVersionId: version.id, fromLevelId: level.id, name: "Done", target: "COMPLETE", isDefault: true },
  });
  await db.flowVersion.update({ where: { id: version.id }, data: { state: "PUBLISHED", publishedAt: new Date() } });
  return { company, user, flow, version, level };
}

describe("append-only tables", () => {
  it("refuses to change or delete audit entries", async () => {
    const company = await createCompany(db);
    const entry = await db.auditLog.create({ data: { companyId: company.id, action: "test.done", entity: "Test", entityId: "1" } });
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { action: "test.forged" } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).action).toBe("test.done");
  });

  it("refuses to rewrite instance history, and one version of an instance is produced once", async () => {
    const { company, user, flow, version, level } = await publishedFlow();
    const instance = await db.flowInstance.create({
      data: { companyId: company.id, flowId: flow.id, flowVersionId: version.id, currentLevelId: level.id, initiatorId: user.id },
    });
    const event = await db.flowInstanceEvent.create({ data: { companyId: company.id, instanceId: instance.id, seq: 1, action: "STARTED", actorId: user.id } });
    await expect(db.flowInstanceEvent.update({ where: { id: event.id }, data: { comment: "changed" } })).rejects.toThrow(/append-only/);
    await expect(db.flowInstanceEvent.create({ data: { companyId: company.id, instanceId: instance.id, seq: 1, action: "APPROVED" } })).rejects.toThrow();
  });
});

describe("published versions", () => {
  it("cannot be changed, nor can their levels and branches", async () => {
    const { company, version, level } = await publishedFlow();
    await expect(db.flowVersion.update({ where: { id: version.id }, data: { changeNote: "sneaky" } })).rejects.toThrow(/immutable/);
    await expect(db.flowLevel.update({ where: { id: level.id }, data: { name: "Renamed" } })).rejects.toThrow(/immutable/);
    await expect(
      db.flowLevel.create({ data: { companyId: company.id, flowVersionId: version.id, name: "Extra", order: 2 } }),
    ).rejects.toThrow(/immutable/);
    await expect(db.flowVersion.delete({ where: { id: version.id } })).rejects.toThrow();
  });

  it("allows only one draft per flow", async () => {
    const { company, flow } = await publishedFlow();
    await db.flowVersion.create({ data: { companyId: company.id, flowId: flow.id, number: 2 } });
    await expect(db.flowVersion.create({ data: { companyId: company.id, flowId: flow.id, number: 3 } })).rejects.toThrow();
  });
});

describe("row invariants", () => {
  it("keeps emails lower-case and branch targets consistent", async () => {
    const company = await createCompany(db);
    await expect(createUser(db, company, { email: "Mixed@Case.test" })).rejects.toThrow(/lower-case/);
    const user = await createUser(db, company);
    const flow = await db.flow.create({ data: { companyId: company.id, name: "F", createdById: user.id } });
    const version = await db.flowVersion.create({ data: { companyId: company.id, flowId: flow.id, number: 1 } });
    const level = await db.flowLevel.create({ data: { companyId: company.id, flowVersionId: version.id, name: "L", order: 1 } });
    await expect(
      db.flowBranch.create({ data: { companyId: company.id, flowVersionId: version.id, fromLevelId: level.id, name: "B", target: "LEVEL" } }),
    ).rejects.toThrow(/toLevelId/);
    await expect(
      db.flowLevelAssignee.create({ data: { companyId: company.id, levelId: level.id, kind: "ROLE" } }),
    ).rejects.toThrow(/kind/);
  });
});
