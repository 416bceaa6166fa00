import { fieldErrorsFromZod, AppError } from "@/lib/errors";
import { listInbox, listMyRequests } from "@/lib/flows/queries";
import { ZInstancesQuery } from "@/lib/flows/schema";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/**
 * `?view=inbox` (default): what waits for me (`search`, `flowId`, `overdue=1`, `sort=newest|oldest|due`);
 * `?view=mine`: what I started. Paged with `page`/`pageSize`.
 */
export const GET = apiRoute({ permission: "instances.view" }, async ({ request, principal }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = ZInstancesQuery.safeParse({ view: "inbox", ...params });
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid query parameters.", { fieldErrors: fieldErrorsFromZod(parsed.error.issues) });
  const query = parsed.data;
  const page = query.view === "inbox" ? await listInbox(principal, query) : await listMyRequests(principal, query);
  return Response.json({ data: page.items, page: page.page, pageSize: page.pageSize, hasMore: page.hasMore });
});
