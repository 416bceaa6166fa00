import { z } from "zod";
import { ZFlowLevel } from "@/lib/flows/definition";

// Input of the editor's assignee coverage check: the levels of the draft as they are now (only what
// coverage reads), so a draft with unrelated problems can still be checked. Client-safe.
export const ZAssigneeCoverageInput = z.object({
  levels: z
    .array(
      // A name being typed may be blank for a moment; it only words the messages here.
      ZFlowLevel.pick({ id: true, approvalMode: true, requiredApprovals: true, allowSelfApproval: true, assignees: true }).extend({ name: z.string().max(200) }),
    )
    .max(200),
});
export type TAssigneeCoverageInput = z.input<typeof ZAssigneeCoverageInput>;
