import { apiRoute } from "@/lib/http/api-route";
import { getShellCounts } from "@/lib/shell/counts";

export const dynamic = "force-dynamic";

/** `{ inbox, unreadNotifications }`: the caller's badge counts (polled by the shell). */
export const GET = apiRoute({}, async ({ principal }) => Response.json(await getShellCounts(principal)));
