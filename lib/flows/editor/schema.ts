import { z } from "zod";
import { FLOW_SCHEMA_VERSION, ZFlowDefinition, type TFlowDefinition } from "@/lib/flows/definition";
import { isUuid } from "@/lib/ids";
import { ZFlowLayout } from "@/lib/flows/canvas/layout";

// Input schemas of flow design (create, save the draft, publish, archive): one per input, shared by
// the structured editor (react-hook-form), the server actions and the REST routes. Client-safe.

const ZId = z.string().uuid("Not a valid id");
const ZName = z.string().trim().min(1, "Give the flow a name").max(200, "At most 200 characters");
const ZDescription = z.string().trim().max(2_000, "At most 2,000 characters").optional().nullable().transform((value) => value || null);

/**
 * The editable definition of a draft: the engine's definition (structural invariants included) whose
 * level and branch ids are UUIDs, because they become the rows' primary keys when saved.
 */
export const ZFlowDraft = ZFlowDefinition.superRefine((definition, ctx) => {
  definition.levels.forEach((level, i) => {
    if (!isUuid(level.id)) ctx.addIssue({ code: "custom", message: "A level id must be a UUID", path: ["levels", i, "id"] });
  });
  definition.branches.forEach((branch, i) => {
    if (!isUuid(branch.id)) ctx.addIssue({ code: "custom", message: "A branch id must be a UUID", path: ["branches", i, "id"] });
  });
});
export type TFlowDraft = TFlowDefinition;

export const EMPTY_FLOW: TFlowDraft = { schemaVersion: FLOW_SCHEMA_VERSION, levels: [], branches: [] };

export const ZCreateFlow = z.object({ name: ZName, description: ZDescription });
export type TCreateFlow = z.input<typeof ZCreateFlow>;

export const ZSaveFlowDraft = z.object({
  flowId: ZId,
  /** The draft revision the editor loaded; a save naming an older one is a conflict. */
  revision: z.int().min(1),
  definition: ZFlowDraft,
  /** Where the canvas draws it; absent (the list editor) keeps the stored layout as it is. */
  layout: ZFlowLayout.optional(),
});
export type TSaveFlowDraft = z.input<typeof ZSaveFlowDraft>;

export const ZPublishFlow = z.object({
  flowId: ZId,
  changeNote: z.string().trim().max(500, "At most 500 characters").optional().nullable().transform((value) => value || null),
  /** Publish even though golden cases now take another route (recorded in the change note and audit). */
  acknowledgeGoldenChanges: z.boolean().optional(),
});
export type TPublishFlow = z.input<typeof ZPublishFlow>;

export const ZFlowId = z.object({ flowId: ZId });

/** REST bodies: the same schemas without the id, which comes from the path. */
export const ZFlowDraftBody = ZSaveFlowDraft.omit({ flowId: true });
export const ZPublishFlowBody = ZPublishFlow.omit({ flowId: true });
