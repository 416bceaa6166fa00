import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TAuditFilter } from "@/lib/audit/schema";

const entrySelect = {
  id: true,
  createdAt: true,
  action: true,
  entity: true,
  entityId: true,
  actorType: true,
  actorId: true,
  changes: true,
  metadata: true,
  ipAddress: true,
  userAgent: true,
  level: true,
  actor: { select: { firstName: true, lastName: true, email: true } },
} as const;

function whereOf(companyId: string, filter: Omit<TAuditFilter, "cursor" | "limit">): Prisma.AuditLogWhereInput {
  return {
    companyId,
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.entity ? { entity: filter.entity } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
}

function toDto(entry: Prisma.AuditLogGetPayload<{ select: typeof entrySelect }>) {
  const { actor, ...rest } = entry;
  const actorName = actor ? `${actor.firstName} ${actor.lastName}`.trim() || actor.email : rest.actorType === "SYSTEM" ? "System" : "—";
  return { ...rest, actorName, actorEmail: actor?.email ?? null };
}

export type AuditEntryDto = ReturnType<typeof toDto>;

/** A page of the company's audit log, newest first, with the actor's name. */
export async function listAuditEntries(companyId: string, filter: TAuditFilter) {
  const rows = await db.auditLog.findMany({
    where: whereOf(companyId, filter),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.limit + 1,
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    select: entrySelect,
  });
  const data = rows.slice(0, filter.limit).map(toDto);
  return { data, nextCursor: rows.length > filter.limit ? data[data.length - 1]!.id : null };
}

/** Every entry matching the filter, in batches, for the CSV export (bounded so an export cannot exhaust memory). */
export async function* iterateAuditEntries(companyId: string, filter: Omit<TAuditFilter, "cursor" | "limit">, max = 100_000) {
  let cursor: string | undefined;
  let sent = 0;
  while (sent < max) {
    const batch = await db.auditLog.findMany({
      where: whereOf(companyId, filter),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 1000,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: entrySelect,
    });
    if (batch.length === 0) return;
    for (const entry of batch) yield toDto(entry);
    sent += batch.length;
    cursor = batch[batch.length - 1]!.id;
  }
}

/** The people who appear as actors, for the filter picker. */
export async function listAuditActors(companyId: string) {
  return db.user.findMany({ where: { companyId }, orderBy: { firstName: "asc" }, select: { id: true, firstName: true, lastName: true, email: true } });
}

/** Distinct entity types in the log, for the filter picker. */
export async function listAuditEntities(companyId: string): Promise<string[]> {
  const rows = await db.auditLog.findMany({ where: { companyId }, distinct: ["entity"], select: { entity: true }, orderBy: { entity: "asc" } });
  return rows.map((row) => row.entity);
}
