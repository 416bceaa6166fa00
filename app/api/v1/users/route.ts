import { apiRoute } from "@/lib/http/api-route";
import { parsePageQuery } from "@/lib/http/pagination";
import { listUsers } from "@/lib/org/users";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "users.view" }, async ({ request, principal }) =>
  Response.json(await listUsers(principal.companyId, parsePageQuery(request.url))),
);
