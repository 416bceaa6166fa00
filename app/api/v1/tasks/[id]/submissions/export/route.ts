import { apiRoute } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { submissionsCsv } from "./csv";
import { getForm, storedDefinition, submissionsForExport } from "@/lib/forms/queries";
import { ZSubmissionFilters } from "@/lib/forms/schema";

export const dynamic = "force-dynamic";

/** CSV of the filtered submissions; file fields become links to the authorised download route. */
export const GET = apiRoute<{ id: string }>({ permission: "tasks.export" }, async ({ request, principal, params }) => {
  const taskId = parseId(params.id, "Form");
  const url = new URL(request.url);
  const form = await getForm(principal.companyId, taskId);
  const filters = ZSubmissionFilters.parse(Object.fromEntries(url.searchParams));
  const rows = await submissionsForExport({ companyId: principal.companyId, taskId, filters });
  const source = form.published?.definition ?? form.draft?.definition;
  const definition = source ? storedDefinition(source) : { schemaVersion: 1 as const, fields: [] };
  const csv = submissionsCsv(definition, rows, url.origin);
  const name = form.name.replace(/[^A-Za-z0-9 _-]/g, "").trim().replace(/\s+/g, "-").toLowerCase() || "form";
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-submissions.csv"`,
      "cache-control": "no-store",
    },
  });
});
