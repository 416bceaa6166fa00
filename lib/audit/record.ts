import "server-only";
import type { Tx } from "@/lib/db";
import type { LogLevel } from "@/lib/generated/prisma/enums";
import { diffFields, redactSecrets } from "@/lib/audit/diff";
import type { ServiceContext } from "@/lib/service-context";

export type AuditEntry = {
  /** "<entity>.<verb>", e.g. "department.moved". */
  action: string;
  entity: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  metadata?: Record<string, unknown>;
  level?: LogLevel;
};

/**
 * Writes one audit entry inside the caller's transaction, so the entry exists exactly when the change
 * does. Use it through `inTransaction` (lib/service-context.ts) rather than directly.
 */
export async function recordAudit(tx: Tx, ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  const changes = entry.before !== undefined || entry.after !== undefined ? diffFields(entry.before, entry.after) : undefined;
  await tx.auditLog.create({
    data: {
      companyId: ctx.companyId,
      actorType: ctx.actorType,
      actorId: ctx.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      changes: changes === undefined ? undefined : (changes as object),
      metadata: (redactSecrets(entry.metadata ?? {}) as object) ?? {},
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      level: entry.level ?? "INFO",
    },
  });
}
