import { z } from "zod";

// The input of "Run for real", shared by the editor's server action and POST /api/v1/triggers/:id/run:
// a past event to copy, or sample data for the event (neither: an empty sample).
export const ZManualRunBody = z.object({ eventId: z.uuid().optional(), sample: z.record(z.string(), z.unknown()).optional() });
export type TManualRunBody = z.infer<typeof ZManualRunBody>;

/** The server action's input: the trigger and the body. */
export const ZManualRun = ZManualRunBody.extend({ triggerId: z.uuid() });
