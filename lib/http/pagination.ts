import { z } from "zod";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";

// Cursor pagination for list endpoints: `?limit=50&cursor=<id of the last item seen>`.
export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().uuid("cursor must be an id from a previous page").optional(),
});
export type TPageQuery = z.infer<typeof ZPageQuery>;

/** Parses the page parameters of a request URL, as a 422 AppError when they are malformed. */
export function parsePageQuery(url: string): TPageQuery {
  const params = Object.fromEntries(new URL(url).searchParams);
  const parsed = ZPageQuery.safeParse({ limit: params.limit, cursor: params.cursor });
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid pagination parameters.", { fieldErrors: fieldErrorsFromZod(parsed.error.issues) });
  return parsed.data;
}

/** Prisma `findMany` arguments for a cursor page: one row more than the limit, after the cursor. */
export function pageArgs(page: TPageQuery): { take: number; cursor?: { id: string }; skip?: number } {
  return { take: page.limit + 1, ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}) };
}

/** Splits a fetched `limit + 1` rows into the page and the next cursor. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? data[data.length - 1]!.id : null };
}

/** Validates a path id: anything that is not a UUID cannot exist, so it is a plain 404. */
export function parseId(value: string, entity: string): string {
  if (!z.string().uuid().safeParse(value).success) throw new AppError("NOT_FOUND", `${entity} not found.`);
  return value;
}
