import { apiRoute, readJson } from "@/lib/http/api-route";
import { listTables } from "@/lib/tables/queries";
import { ZCreateTable } from "@/lib/tables/schema";
import { createTable } from "@/lib/tables/table-service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "tables.view" }, async ({ principal }) => Response.json({ items: await listTables(principal.companyId) }));

/** Body: { name (the stable key), displayName, description?, columns?: { columns: [...] } }. */
export const POST = apiRoute({ permission: "tables.create" }, async ({ request, ctx }) =>
  Response.json(await createTable(ctx, await readJson(request, ZCreateTable)), { status: 201 }),
);
