import { z } from "zod";
import type { SimOutcome } from "./types";

// Input schemas of golden cases: one per input, shared by the simulation panel, the server actions
// and the REST routes. Client-safe.

const ZId = z.string().uuid("Not a valid id");
const ZText = z.string().max(200);

export const ZSimOutcome = z.custom<SimOutcome>((value) => typeof value === "string" && /^(approve|reject|request_changes|send_back:.{1,200})$/.test(value), "Not an outcome");

/** A route as a golden case expects it (lib/flows/simulate/types.ts SimRoute). */
export const ZSimRoute = z.object({
  steps: z
    .array(z.object({ levelId: ZText.min(1), levelName: ZText, outcome: ZSimOutcome, sendBackToName: ZText.optional() }))
    .max(200, "At most 200 decisions"),
  status: z.enum(["COMPLETED", "REJECTED", "STUCK"]),
  stuckReason: z.string().max(2_000).nullable().optional(),
});

const ZCaseName = z.string().trim().min(1, "Give the case a name").max(120, "At most 120 characters");
const ZCaseData = z.record(z.string().max(200), z.json()).refine((data) => JSON.stringify(data).length <= 100_000, "The sample data is too large");

/** A golden case's content: its name, the sample data and the route it is expected to take. */
export const ZGoldenCaseBody = z.object({ name: ZCaseName, data: ZCaseData, expected: ZSimRoute });
export const ZGoldenCaseUpdateBody = ZGoldenCaseBody.partial();

export const ZCreateGoldenCase = ZGoldenCaseBody.extend({ flowId: ZId });
export type TCreateGoldenCase = z.input<typeof ZCreateGoldenCase>;
export const ZUpdateGoldenCase = ZGoldenCaseUpdateBody.extend({ flowId: ZId, caseId: ZId });
export const ZGoldenCaseRef = z.object({ flowId: ZId, caseId: ZId });

/** A golden case as the API and the editor see it. */
export type GoldenCaseDto = {
  id: string;
  name: string;
  data: Record<string, unknown>;
  expected: z.infer<typeof ZSimRoute>;
  createdAt: string;
  updatedAt: string;
};
