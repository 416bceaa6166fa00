import { listAuditEntries } from "@/lib/audit/queries";
import { ZAuditFilter } from "@/lib/audit/schema";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** Read-only: the audit log has no POST, PATCH or DELETE anywhere. */
export const GET = apiRoute({ permission: "audit.view" }, async ({ request, principal }) => {
  const parsed = ZAuditFilter.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid filters.", { fieldErrors: fieldErrorsFromZod(parsed.error.issues) });
  return Response.json(await listAuditEntries(principal.companyId, parsed.data));
});
