import { AppError, fieldErrorsFromZod } from "@/lib/errors";
import { ZRecordListQuery, type TRecordListQuery } from "./record-query";

/**
 * The records list's query string: `filter` is JSON ({"match":"all","conditions":[{"column":"price",
 * "op":"gte","value":100}]}), the rest plain parameters (q, sort, direction, cursor, limit, trash).
 */
export function parseRecordListQuery(url: string): TRecordListQuery {
  const params = new URL(url).searchParams;
  let filter: unknown;
  const rawFilter = params.get("filter");
  if (rawFilter) {
    try {
      filter = JSON.parse(rawFilter);
    } catch {
      throw new AppError("VALIDATION", "The filter is not valid JSON.", { fieldErrors: { filter: ["Send the filter as JSON"] } });
    }
  }
  const limit = params.get("limit");
  const parsed = ZRecordListQuery.safeParse({
    filter,
    q: params.get("q") ?? undefined,
    sort: params.get("sort") ?? undefined,
    direction: params.get("direction") ?? undefined,
    cursor: params.get("cursor") ?? undefined,
    limit: limit === null ? undefined : Number(limit),
    trash: params.get("trash") === "true",
  });
  if (!parsed.success) throw new AppError("VALIDATION", "The query has invalid parameters.", { fieldErrors: fieldErrorsFromZod(parsed.error.issues) });
  return parsed.data;
}
