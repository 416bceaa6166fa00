import { z } from "zod";

// The name and description of a designed thing (a flow or a form): one input schema for the rename
// dialog, the server actions and the REST PATCH routes. Client-safe.

export const ZDesignDetails = z.object({
  name: z.string().trim().min(1, "Give it a name").max(200, "At most 200 characters"),
  /** Absent keeps the description; empty or null clears it. */
  description: z.string().trim().max(2_000, "At most 2,000 characters").optional().nullable().transform((value) => (value === undefined ? undefined : value || null)),
});
export type TDesignDetails = z.input<typeof ZDesignDetails>;

export const ZRenameDesign = ZDesignDetails.extend({ id: z.string().uuid("Not a valid id") });
export type TRenameDesign = z.input<typeof ZRenameDesign>;
