import { z } from "zod";

// Input schemas of the forms (tasks) actions and API: one per input, shared by the browser forms,
// the server actions and the REST routes. The form *definition* is validated by lib/forms/definition.ts;
// here it is only "some JSON", parsed by the service so that its errors come back keyed by path.

const ZId = z.string().uuid("Not a valid id");
const ZName = z.string().trim().min(1, "Give the form a name").max(200, "At most 200 characters");
const ZDescription = z.string().trim().max(2_000, "At most 2,000 characters").optional().transform((value) => value || null);

export const ZCreateForm = z.object({
  name: ZName,
  description: ZDescription,
  standalone: z.boolean().optional().default(false),
  /** Optional starting definition; an empty form otherwise. */
  definition: z.unknown().optional(),
});
export type TCreateForm = z.input<typeof ZCreateForm>;

export const ZSaveFormDraft = z.object({
  taskId: ZId,
  /** The draft revision the editor loaded; a save naming an older one is a conflict. */
  revision: z.int().min(1),
  definition: z.unknown(),
});
export type TSaveFormDraft = z.input<typeof ZSaveFormDraft>;

export const ZPublishForm = z.object({
  taskId: ZId,
  changeNote: z.string().trim().max(500, "At most 500 characters").optional().transform((value) => value || null),
});
export type TPublishForm = z.input<typeof ZPublishForm>;

export const ZFormId = z.object({ taskId: ZId });

/** A standalone submission: the values are judged by the form's own submission schema. */
export const ZSubmitForm = z.object({ taskId: ZId, data: z.unknown() });
export type TSubmitForm = z.input<typeof ZSubmitForm>;

/** The builder's dry-run submission: values judged against the draft definition it is editing. */
export const ZTestSubmission = z.object({ taskId: ZId, definition: z.unknown(), data: z.unknown() });
export type TTestSubmission = z.input<typeof ZTestSubmission>;

export const ZDraftBody = ZSaveFormDraft.omit({ taskId: true });
export const ZPublishBody = ZPublishForm.omit({ taskId: true });
export const ZSubmitBody = z.object({ data: z.unknown() });

/** Filters of the submissions list (page, export and API). */
export const ZSubmissionFilters = z.object({
  from: z.iso.date("Use a date as YYYY-MM-DD").optional().catch(undefined),
  to: z.iso.date("Use a date as YYYY-MM-DD").optional().catch(undefined),
  submitter: ZId.optional().catch(undefined),
});
export type TSubmissionFilters = z.output<typeof ZSubmissionFilters>;

/** Upload limits: a field's `maxSizeMb`, capped. */
export const MAX_UPLOAD_MB = 25;
export const ZUploadQuery = z.object({
  maxSizeMb: z.coerce.number().positive().max(MAX_UPLOAD_MB).optional().catch(undefined),
});
