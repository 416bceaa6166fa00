import "server-only";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/session";

// The signed-in user's own notifications. Every read is by company AND user: a notification is
// never visible to anyone but its recipient.

export type NotificationItem = { id: string; type: string; title: string; body: string | null; link: string | null; readAt: Date | null; createdAt: Date };

/** The user's newest notifications, read or not. */
export async function listNotifications(principal: Principal, limit = 20): Promise<NotificationItem[]> {
  return db.notification.findMany({
    where: { companyId: principal.companyId, userId: principal.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, type: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
}

/** How many of the user's notifications are unread (the bell's badge). */
export async function countUnreadNotifications(principal: Principal): Promise<number> {
  return db.notification.count({ where: { companyId: principal.companyId, userId: principal.userId, readAt: null } });
}
