import { z } from "zod";

/** Rotating a webhook secret: the old one stays valid for `overlapHours` so senders can switch. */
export const ZRotateSecret = z.object({
  triggerId: z.uuid(),
  overlapHours: z.int("Whole hours").min(0, "At least 0").max(720, "At most 720 hours (30 days)"),
});
export type TRotateSecret = z.input<typeof ZRotateSecret>;
