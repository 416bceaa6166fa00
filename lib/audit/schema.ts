import { z } from "zod";

const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD")
  .optional()
  .or(z.literal("").transform(() => undefined));

/** Filters of the audit log page, its CSV export and GET /api/v1/audit (all from query parameters). */
export const ZAuditFilter = z.object({
  actorId: z.string().uuid().optional().or(z.literal("").transform(() => undefined)),
  entity: z.string().trim().max(60).optional().transform((value) => value || undefined),
  entityId: z.string().trim().max(100).optional().transform((value) => value || undefined),
  action: z.string().trim().max(100).optional().transform((value) => value || undefined),
  from: ZDay,
  to: ZDay,
  cursor: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditFilter = z.output<typeof ZAuditFilter>;
