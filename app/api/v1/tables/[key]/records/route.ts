import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseRecordListQuery } from "@/lib/tables/api-query";
import { getRecord, getTable, listRecords } from "@/lib/tables/queries";
import { createRecord } from "@/lib/tables/record-service";
import { ZCreateRecord } from "@/lib/tables/schema";

export const dynamic = "force-dynamic";

type Params = { key: string };

/** ?filter=<json>&q=&sort=<column>&direction=asc|desc&cursor=&limit=&trash=true */
export const GET = apiRoute<Params>({ permission: "records.view" }, async ({ request, principal, params }) =>
  Response.json(await listRecords(principal.companyId, { name: params.key }, parseRecordListQuery(request.url))),
);

/** Body: { values: { <column key>: value, … } }; relation columns take record ids. */
export const POST = apiRoute<Params>({ permission: "records.create" }, async ({ request, principal, ctx, params }) => {
  const body = await readJson(request, ZCreateRecord.omit({ tableId: true }));
  const table = await getTable(principal.companyId, { name: params.key });
  const record = await createRecord(ctx, { tableId: table.id, values: body.values });
  return Response.json(await getRecord(principal.companyId, { id: table.id }, record.id), { status: 201 });
});
