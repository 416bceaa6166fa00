import { apiRoute, readJson } from "@/lib/http/api-route";
import { listRoles } from "@/lib/org/roles/queries";
import { ZCreateRole } from "@/lib/org/roles/schema";
import { createRole } from "@/lib/org/roles/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "roles.view" }, async ({ principal }) => Response.json({ data: await listRoles(principal.companyId) }));

export const POST = apiRoute({ permission: "roles.create" }, async ({ request, ctx }) =>
  Response.json(await createRole(ctx, await readJson(request, ZCreateRole)), { status: 201 }),
);
