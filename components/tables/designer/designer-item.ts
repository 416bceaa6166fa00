import type { TColumnDraft } from "@/lib/tables/column-drafts";

/**
 * One column in the designer: `uid` identifies it while keys are still being typed; `saved` columns
 * have a stored key that never changes again; `keyEdited` stops the key following the label.
 */
export type TDesignerItem = { uid: string; saved: boolean; keyEdited: boolean; column: TColumnDraft };
