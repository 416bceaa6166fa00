import { apiRoute } from "@/lib/http/api-route";
import { parsePageQuery } from "@/lib/http/pagination";
import { listInvitations } from "@/lib/org/invitations/queries";

export const dynamic = "force-dynamic";

/** Invitations not yet accepted or revoked (expired ones included), newest first; ?limit=&cursor=. */
export const GET = apiRoute({ permission: "users.view" }, async ({ request, principal }) =>
  Response.json(await listInvitations(principal.companyId, parsePageQuery(request.url))),
);
