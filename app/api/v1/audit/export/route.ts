import { iterateAuditEntries } from "@/lib/audit/queries";
import { ZAuditFilter } from "@/lib/audit/schema";
import { neutraliseCell } from "@/lib/csv/export";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import Papa from "papaparse";

export const dynamic = "force-dynamic";

const COLUMNS = ["createdAt", "actorName", "actorEmail", "actorType", "action", "entity", "entityId", "changes", "ipAddress", "userAgent"] as const;

/** CSV of the filtered audit log, streamed in batches (formula cells neutralised). */
export const GET = apiRoute({ permission: "audit.export" }, async ({ request, principal }) => {
  const parsed = ZAuditFilter.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid filters.", { fieldErrors: fieldErrorsFromZod(parsed.error.issues) });
  const encoder = new TextEncoder();
  const entries = iterateAuditEntries(principal.companyId, parsed.data);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${Papa.unparse([COLUMNS as unknown as string[]])}\r\n`));
    },
    async pull(controller) {
      const rows: string[][] = [];
      for (let index = 0; index < 500; index++) {
        const next = await entries.next();
        if (next.done) break;
        rows.push(COLUMNS.map((column) => neutraliseCell(next.value[column])));
      }
      if (rows.length) controller.enqueue(encoder.encode(`${Papa.unparse(rows)}\r\n`));
      if (rows.length < 500) controller.close();
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="audit-log-${stamp}.csv"`, "cache-control": "no-store" },
  });
});
