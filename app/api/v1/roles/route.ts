import { apiRoute, readJson } from "@/lib/http/api-route";
import { parsePageQuery } from "@/lib/http/pagination";
import { listRolesPage } from "@/lib/org/roles/queries";
import { ZCreateRole } from "@/lib/org/roles/schema";
import { createRole } from "@/lib/org/roles/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "roles.view" }, async ({ request, principal }) =>
  Response.json(await listRolesPage(principal.companyId, parsePageQuery(request.url))),
);

export const POST = apiRoute({ permission: "roles.create" }, async ({ request, ctx }) =>
  Response.json(await createRole(ctx, await readJson(request, ZCreateRole)), { status: 201 }),
);
