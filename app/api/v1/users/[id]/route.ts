import { apiRoute } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { getUser } from "@/lib/org/users";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>({ permission: "users.view" }, async ({ principal, params }) =>
  Response.json(await getUser(principal.companyId, parseId(params.id, "User"))),
);
