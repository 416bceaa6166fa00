import { apiRoute, readJson } from "@/lib/http/api-route";
import { getTable } from "@/lib/tables/queries";
import { ZUpdateTable } from "@/lib/tables/schema";
import { archiveTable, updateTable } from "@/lib/tables/table-service";

export const dynamic = "force-dynamic";

type Params = { key: string };

const ZTableBody = ZUpdateTable.omit({ tableId: true });

async function tableView(companyId: string, key: string) {
  const table = await getTable(companyId, { name: key });
  return { id: table.id, name: table.name, displayName: table.displayName, updatedAt: table.updatedAt, columns: table.schema.columns };
}

export const GET = apiRoute<Params>({ permission: "tables.view" }, async ({ principal, params }) => Response.json(await tableView(principal.companyId, params.key)));

/** Replaces the name and columns (keys identify columns; retyping converts or refuses with counts). */
export const PUT = apiRoute<Params>({ permission: "tables.update" }, async ({ request, principal, ctx, params }) => {
  const body = await readJson(request, ZTableBody);
  const table = await getTable(principal.companyId, { name: params.key });
  await updateTable(ctx, { ...body, tableId: table.id });
  return Response.json(await tableView(principal.companyId, params.key));
});

export const DELETE = apiRoute<Params>({ permission: "tables.delete" }, async ({ principal, ctx, params }) => {
  const table = await getTable(principal.companyId, { name: params.key });
  await archiveTable(ctx, { tableId: table.id });
  return new Response(null, { status: 204 });
});
