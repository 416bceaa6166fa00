import { z } from "zod";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { listExecutions } from "@/lib/triggers/queries";

export const dynamic = "force-dynamic";

const ZQuery = z.object({
  triggerId: z.uuid().optional(),
  status: z.enum(["PENDING", "RUNNING", "SUCCESS", "PARTIAL_SUCCESS", "FAILED", "DEAD", "SKIPPED"]).optional(),
  before: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** ?triggerId=&status=DEAD (the dead letters)&before=<executedAt of the last item>&limit= */
export const GET = apiRoute({ permission: "triggers.view" }, async ({ request, principal }) => {
  const parsed = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid filters.", { fieldErrors: fieldErrorsFromZod(parsed.error.issues) });
  return Response.json(await listExecutions(principal.companyId, { ...parsed.data, before: parsed.data.before ? new Date(parsed.data.before) : undefined }));
});
