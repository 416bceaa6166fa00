import { z } from "zod";

// Inputs of the notification actions and route (client-safe: zod only).

export const ZMarkNotificationRead = z.object({ id: z.string().uuid("Not a valid notification") });
export type TMarkNotificationRead = z.input<typeof ZMarkNotificationRead>;

export const ZMarkAllNotificationsRead = z.object({});

/** GET /api/v1/notifications?limit= — the bell shows the newest few. */
export const ZNotificationsQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(20) });
