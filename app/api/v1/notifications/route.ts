import { AppError, fieldErrorsFromZod } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { countUnreadNotifications, listNotifications } from "@/lib/notifications/queries";
import { ZNotificationsQuery } from "@/lib/notifications/schema";

export const dynamic = "force-dynamic";

/** The caller's newest notifications (`?limit=`, default 20) and how many are unread. */
export const GET = apiRoute({}, async ({ request, principal }) => {
  const parsed = ZNotificationsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid query parameters.", { fieldErrors: fieldErrorsFromZod(parsed.error.issues) });
  const [data, unread] = await Promise.all([listNotifications(principal, parsed.data.limit), countUnreadNotifications(principal)]);
  return Response.json({ data, unread });
});
