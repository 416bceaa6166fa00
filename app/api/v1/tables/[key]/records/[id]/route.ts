import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { getRecord, getTable } from "@/lib/tables/queries";
import { deleteRecords, updateRecord } from "@/lib/tables/record-service";
import { ZUpdateRecord } from "@/lib/tables/schema";

export const dynamic = "force-dynamic";

type Params = { key: string; id: string };

export const GET = apiRoute<Params>({ permission: "records.view" }, async ({ principal, params }) =>
  Response.json(await getRecord(principal.companyId, { name: params.key }, parseId(params.id, "Record"))),
);

/** Body: { values: { changed columns }, base?: { the values you saw } } — see ZUpdateRecord. */
export const PATCH = apiRoute<Params>({ permission: "records.update" }, async ({ request, principal, ctx, params }) => {
  const recordId = parseId(params.id, "Record");
  const body = await readJson(request, ZUpdateRecord.omit({ tableId: true, recordId: true }));
  const table = await getTable(principal.companyId, { name: params.key });
  await updateRecord(ctx, { tableId: table.id, recordId, ...body });
  return Response.json(await getRecord(principal.companyId, { id: table.id }, recordId));
});

/** Moves the record to the trash (restore it from the table's trash view). */
export const DELETE = apiRoute<Params>({ permission: "records.delete" }, async ({ principal, ctx, params }) => {
  const recordId = parseId(params.id, "Record");
  const table = await getTable(principal.companyId, { name: params.key });
  const { count } = await deleteRecords(ctx, { tableId: table.id, recordIds: [recordId] });
  // Deleting a record already in the trash is a no-op; one that does not exist is a 404.
  if (count === 0) await getRecord(principal.companyId, { id: table.id }, recordId);
  return new Response(null, { status: 204 });
});
