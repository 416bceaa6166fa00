"use server";

import { companyAction } from "@/lib/action";
import { markAllNotificationsRead, markNotificationRead } from "./service";
import { ZMarkAllNotificationsRead, ZMarkNotificationRead } from "./schema";

// The bell's server actions. Any signed-in user has notifications: no permission beyond the session.
// Nothing server-rendered shows read state (the bell reads through react-query and invalidates its
// own queries), so there is no path to revalidate.

export const markNotificationReadAction = companyAction({ schema: ZMarkNotificationRead }, async ({ input, ctx }) => {
  return markNotificationRead(ctx, input);
});

export const markAllNotificationsReadAction = companyAction({ schema: ZMarkAllNotificationsRead }, async ({ ctx }) => {
  return markAllNotificationsRead(ctx);
});
