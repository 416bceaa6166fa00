import "server-only";
import type { Principal } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { countInbox } from "@/lib/flows/queries";
import { countUnreadNotifications } from "@/lib/notifications/queries";

/** The shell's badges: requests waiting for the user, and their unread notifications. */
export type ShellCounts = { inbox: number; unreadNotifications: number };

/** Both badge counts in one round (the shell polls this). */
export async function getShellCounts(principal: Principal): Promise<ShellCounts> {
  const [inbox, unreadNotifications] = await Promise.all([
    can(principal.permissions, "instances.view") ? countInbox(principal) : 0,
    countUnreadNotifications(principal),
  ]);
  return { inbox, unreadNotifications };
}
