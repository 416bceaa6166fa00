// Fixtures for the flow runner's db tests: the demo company (seed) with its expense flow, service
// contexts that carry a principal like a signed-in request, uploaded receipts, and the SQL
// invariants every test checks afterwards.
import { randomBytes, randomUUID } from "node:crypto";
import { effectivePermissions } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/session";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemoIfEmpty } from "@/lib/seed/demo";
import type { ServiceContext } from "@/lib/service-context";

export type Demo = Awaited<ReturnType<typeof loadDemo>>;

/** Seeds the demo company (once per database) and returns its people, roles and expense flow. */
export async function loadDemo(db: PrismaClient) {
  await seedDemoIfEmpty(db);
  const company = await db.company.findUniqueOrThrow({ where: { slug: "acme" }, select: { id: true, slug: true } });
  const users = await db.user.findMany({ where: { companyId: company.id } });
  const by = (email: string) => users.find((user) => user.email === email)!;
  const flow = await db.flow.findFirstOrThrow({ where: { companyId: company.id, name: "Expense Approval Workflow" } });
  const version = await db.flowVersion.findFirstOrThrow({ where: { flowId: flow.id, state: "PUBLISHED" }, include: { levels: { orderBy: { order: "asc" } } } });
  const roles = await db.role.findMany({ where: { companyId: company.id } });
  const departments = await db.department.findMany({ where: { companyId: company.id } });
  return {
    company,
    flow,
    version,
    levels: { submission: version.levels[0]!, manager: version.levels[1]!, finance: version.levels[2]! },
    roles: { manager: roles.find((role) => role.name === "Manager")!, finance: roles.find((role) => role.name === "Finance")! },
    departments: { engineering: departments.find((d) => d.name === "Engineering")!, finance: departments.find((d) => d.name === "Finance")! },
    people: {
      developer: by("developer@flowright.dev"),
      admin: by("admin@acme.com"),
      manager: by("manager@acme.com"),
      finance: by("finance@acme.com"),
      employee: by("employee@acme.com"),
      employee2: by("employee2@acme.com"),
    },
  };
}

/** The principal a signed-in request of `userId` would carry (what lib/auth/session.ts builds). */
export async function principalOf(db: PrismaClient, userId: string): Promise<Principal> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { roles: { include: { role: true } } } });
  const roles = user.roles.map((entry) => entry.role).filter((role) => role.companyId === user.companyId);
  return {
    kind: "user",
    sessionId: randomUUID(),
    userId: user.id,
    companyId: user.companyId,
    systemRole: user.systemRole,
    email: user.email,
    name: `${user.firstName} ${user.lastName}`.trim() || user.email,
    departmentId: user.departmentId,
    roleIds: roles.map((role) => role.id),
    permissions: effectivePermissions(user.systemRole, roles.map((role) => role.permissions as unknown[])),
  };
}

/** A service context acting as `userId`, with its principal, as a server action would build it. */
export async function actingAs(db: PrismaClient, userId: string): Promise<ServiceContext & { principal: Principal }> {
  const principal = await principalOf(db, userId);
  return { companyId: principal.companyId, actorId: userId, actorType: "USER", ipAddress: "198.51.100.7", userAgent: "vitest", principal };
}

/** A stored upload (the row only: validation checks type and size against it). */
export async function uploadFile(db: PrismaClient, companyId: string, userId: string, mimetype = "application/pdf", size = 12_345): Promise<string> {
  const file = await db.file.create({
    data: { companyId, storageKey: `${companyId}/${randomUUID()}`, originalName: "receipt.pdf", mimetype, size, sha256: randomBytes(32).toString("hex"), uploadedById: userId, context: "task_attachment" },
  });
  return file.id;
}

/** Values for the demo expense form. */
export const expense = (amount: number, receiptId: string, name = "Emma Employee") => ({ employee_name: name, amount, category: "travel", receipt: [receiptId] });

/**
 * The invariants every instance keeps, checked in SQL: its version equals its number of history
 * rows, the seqs are exactly 1..version, and only running instances have open assignments.
 * Returns the ids of instances that break one (an empty list is the pass).
 */
export async function brokenInstances(db: PrismaClient): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(`
    SELECT i.id FROM flow_instances i
    LEFT JOIN LATERAL (SELECT count(*)::int AS n, COALESCE(min(seq), 1) AS lo, COALESCE(max(seq), 0) AS hi FROM flow_instance_events e WHERE e."instanceId" = i.id) h ON true
    WHERE i.version <> h.n OR h.lo <> 1 OR h.hi <> i.version OR (i.state->>'version')::int <> i.version
       OR (i.status <> 'IN_PROGRESS' AND EXISTS (SELECT 1 FROM assignments a WHERE a."instanceId" = i.id AND a.status = 'OPEN'))`);
  return rows.map((row) => row.id);
}

export type LevelSpec = {
  name: string;
  approvalMode?: "ANY" | "ALL" | "AT_LEAST";
  requiredApprovals?: number;
  config?: Record<string, unknown>;
  assignees: ({ kind: "INITIATOR" | "INITIATOR_MANAGER" } | { kind: "ROLE"; roleId: string } | { kind: "DEPARTMENT"; departmentId: string } | { kind: "USER"; userId: string })[];
  taskVersionIds?: string[];
};

/**
 * A published flow whose levels run in order (no branches: each falls through to the next, the last
 * completes). Built as a draft and published last, as the immutability triggers require.
 */
export async function createFlow(db: PrismaClient, input: { companyId: string; createdById: string; name?: string; levels: LevelSpec[] }) {
  const { companyId } = input;
  const flow = await db.flow.create({ data: { companyId, name: input.name ?? `Flow ${randomBytes(3).toString("hex")}`, status: "PUBLISHED", createdById: input.createdById, publishedAt: new Date() } });
  const version = await db.flowVersion.create({ data: { companyId, flowId: flow.id, number: 1, state: "DRAFT" } });
  const levels = [];
  for (const [index, spec] of input.levels.entries()) {
    levels.push(
      await db.flowLevel.create({
        data: {
          companyId,
          flowVersionId: version.id,
          name: spec.name,
          order: index + 1,
          approvalMode: spec.approvalMode ?? "ANY",
          requiredApprovals: spec.requiredApprovals ?? 1,
          config: (spec.config ?? {}) as object,
          assignees: { create: spec.assignees.map((assignee) => ({ companyId, ...assignee })) },
          tasks: { create: (spec.taskVersionIds ?? []).map((taskVersionId, order) => ({ companyId, taskVersionId, order: order + 1 })) },
        },
      }),
    );
  }
  await db.flowVersion.update({ where: { id: version.id }, data: { state: "PUBLISHED", publishedAt: new Date() } });
  return { flow, version, levels };
}

/** `count` active users holding `roleId` (a fresh role when none is given). */
export async function usersWithRole(db: PrismaClient, companyId: string, count: number, roleId?: string) {
  const role = roleId ? { id: roleId } : await db.role.create({ data: { companyId, name: `Role ${randomBytes(3).toString("hex")}`, permissions: ["instances.approve"] } });
  const users = [];
  for (let i = 0; i < count; i++) {
    const tag = randomBytes(4).toString("hex");
    const user = await db.user.create({ data: { companyId, email: `${tag}@load.test`, firstName: `Approver`, lastName: `No${i + 1}-${tag}`, systemRole: "MANAGER" } });
    await db.userRole.create({ data: { userId: user.id, roleId: role.id, companyId } });
    users.push(user);
  }
  return { roleId: role.id, users };
}
