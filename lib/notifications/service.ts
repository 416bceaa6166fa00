import "server-only";
import { AppError } from "@/lib/errors";
import { inTransaction, type ServiceContext } from "@/lib/service-context";

// Marking notifications read. Only the caller's own, in the caller's company: the where clause
// carries both, so someone else's id behaves exactly like a missing one.

function recipientOf(ctx: ServiceContext): string {
  if (!ctx.principal) throw new AppError("FORBIDDEN", "Only a signed-in user has notifications.");
  return ctx.principal.userId;
}

/** Marks one of the caller's notifications read (again is fine: it keeps the first read time). */
export async function markNotificationRead(ctx: ServiceContext, input: { id: string }): Promise<{ id: string }> {
  const userId = recipientOf(ctx);
  return inTransaction(ctx, async (tx, audit) => {
    const found = await tx.notification.findFirst({ where: { id: input.id, companyId: ctx.companyId, userId }, select: { id: true, readAt: true } });
    if (!found) throw new AppError("NOT_FOUND", "Notification not found.");
    if (found.readAt) return { id: found.id };
    await tx.notification.updateMany({ where: { id: found.id, companyId: ctx.companyId, userId, readAt: null }, data: { readAt: new Date() } });
    await audit({ action: "notification.read", entity: "Notification", entityId: found.id });
    return { id: found.id };
  });
}

/** Marks all of the caller's unread notifications read; returns how many changed. */
export async function markAllNotificationsRead(ctx: ServiceContext): Promise<{ count: number }> {
  const userId = recipientOf(ctx);
  return inTransaction(ctx, async (tx, audit) => {
    const { count } = await tx.notification.updateMany({ where: { companyId: ctx.companyId, userId, readAt: null }, data: { readAt: new Date() } });
    if (count > 0) await audit({ action: "notification.read_all", entity: "User", entityId: userId, metadata: { count } });
    return { count };
  });
}
