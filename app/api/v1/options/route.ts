import { z } from "zod";
import { searchOptions } from "@/lib/datasets/options";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";
import { ZOptionSource } from "@/lib/forms/field-types";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

const ZOptionsQuery = z.object({ q: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).optional() });

/**
 * Options of a data-backed form field while someone fills the form: ?kind=dataset&datasetId=&sectionKey=
 * or ?kind=table&tableId=&column=, plus q (search) and limit. Any signed-in user of the company; a
 * dataset the caller may not see offers nothing.
 */
export const GET = apiRoute({}, async ({ request, principal }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { q, limit, ...where } = params;
  const source = ZOptionSource.safeParse(where);
  const query = ZOptionsQuery.safeParse({ q, limit });
  if (!source.success) throw new AppError("VALIDATION", "Say where the options come from.", { fieldErrors: fieldErrorsFromZod(source.error.issues) });
  if (!query.success) throw new AppError("VALIDATION", "Invalid search.", { fieldErrors: fieldErrorsFromZod(query.error.issues) });
  return Response.json(await searchOptions(principal, source.data, query.data));
});
