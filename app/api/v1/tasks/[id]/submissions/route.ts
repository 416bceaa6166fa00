import { can } from "@/lib/auth/permissions";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId, parsePageQuery } from "@/lib/http/pagination";
import { listSubmissionsPage } from "@/lib/forms/queries";
import { ZSubmissionFilters, ZSubmitBody } from "@/lib/forms/schema";
import { submitForm } from "@/lib/forms/service";

export const dynamic = "force-dynamic";

/** Submissions, newest first (cursor pages); people without tasks.update see only their own. */
export const GET = apiRoute<{ id: string }>({ permission: "tasks.view" }, async ({ request, principal, params }) => {
  const taskId = parseId(params.id, "Form");
  const filters = ZSubmissionFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  const onlyExecutorId = can(principal.permissions, "tasks.update") ? undefined : principal.userId;
  return Response.json(await listSubmissionsPage({ companyId: principal.companyId, taskId, filters, onlyExecutorId }, parsePageQuery(request.url)));
});

/** A standalone submission `{ data }` to the newest published version: 201, or 422 with field errors. */
export const POST = apiRoute<{ id: string }>({ permission: "tasks.view" }, async ({ request, ctx, params }) => {
  const taskId = parseId(params.id, "Form");
  const { data } = await readJson(request, ZSubmitBody);
  const submitted = await submitForm(ctx, { taskId, data });
  return Response.json(submitted, { status: 201 });
});
