// The dashboard's figures are scoped to the caller's company and principals.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getDashboardSummary } from "@/lib/dashboard/queries";
import type { Principal } from "@/lib/auth/session";
import { createCompany, createUser } from "../support/fixtures";

afterAll(() => db.$disconnect());

async function companyWithRunningInstance(name: string) {
  const company = await createCompany(db, name);
  const user = await createUser(db, company, { systemRole: "ADMIN" });
  const flow = await db.flow.create({ data: { companyId: company.id, name: `${name} flow`, createdById: user.id, status: "PUBLISHED" } });
  const version = await db.flowVersion.create({ data: { companyId: company.id, flowId: flow.id, number: 1 } });
  const level = await db.flowLevel.create({ data: { companyId: company.id, flowVersionId: version.id, name: "Review", order: 1 } });
  await db.flowVersion.update({ where: { id: version.id }, data: { state: "PUBLISHED" } });
  const instance = await db.flowInstance.create({
    data: { companyId: company.id, flowId: flow.id, flowVersionId: version.id, currentLevelId: level.id, initiatorId: user.id },
  });
  await db.assignment.create({ data: { companyId: company.id, instanceId: instance.id, levelId: level.id, principal: `u:${user.id}` } });
  const principal: Principal = {
    kind: "user",
    sessionId: "n/a",
    userId: user.id,
    companyId: company.id,
    systemRole: "ADMIN",
    email: user.email,
    name: "Admin",
    departmentId: null,
    roleIds: [],
    permissions: new Set(),
  };
  return { principal, flow };
}

describe("getDashboardSummary", () => {
  it("counts only the caller's company and inbox", async () => {
    const a = await companyWithRunningInstance("Alpha");
    const b = await companyWithRunningInstance("Beta");
    const summary = await getDashboardSummary(a.principal);
    expect(summary).toMatchObject({ pendingTasks: 1, myOpenRequests: 1, runningInstances: 1, publishedFlows: 1 });
    expect(summary.flows.map((flow) => flow.id)).toEqual([a.flow.id]);
    expect(summary.recentRequests).toHaveLength(1);
    // Beta's assignment names a Beta user; even a forged principal list cannot reach across companies.
    const crossed = await getDashboardSummary({ ...a.principal, userId: b.principal.userId });
    expect(crossed.pendingTasks).toBe(0);
  });
});
