import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { parseRecordListQuery } from "@/lib/tables/api-query";
import { exportRecords } from "@/lib/tables/export";

export const dynamic = "force-dynamic";

/** ?format=csv|json plus the list's own parameters (filter, q, sort, direction, trash). */
export const GET = apiRoute<{ key: string }>({ permission: "records.export" }, async ({ request, principal, params }) => {
  const format = new URL(request.url).searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") throw new AppError("VALIDATION", "Unknown format.", { fieldErrors: { format: ["Use csv or json"] } });
  const query = parseRecordListQuery(request.url);
  return exportRecords(principal.companyId, params.key, { ...query, cursor: undefined }, format);
});
