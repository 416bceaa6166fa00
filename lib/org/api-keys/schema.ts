import { z } from "zod";
import { ZPermissionList } from "@/lib/auth/permissions";

export const ZCreateApiKey = z.object({
  name: z.string().trim().min(1, "Name the key after what uses it").max(80),
  scopes: ZPermissionList.refine((list) => list.length > 0, "Choose at least one permission"),
  /** Days until it expires; empty for a key that does not expire. */
  expiresInDays: z
    .union([z.coerce.number().int().min(1, "At least 1 day").max(730, "At most 2 years"), z.literal(""), z.null()])
    .optional()
    .transform((value) => (typeof value === "number" ? value : null)),
});
export type TCreateApiKey = z.input<typeof ZCreateApiKey>;

export const ZRevokeApiKey = z.object({ id: z.string().uuid() });
