import { z } from "zod";

// One schema per input, shared by the browser forms, the server actions and the REST API.

const ZName = z.string().trim().min(1, "Give the department a name").max(100, "At most 100 characters");
const ZDescription = z.string().trim().max(500, "At most 500 characters").optional().transform((value) => value || null);
const ZOptionalId = z
  .union([z.string().uuid(), z.literal(""), z.null()])
  .optional()
  .transform((value) => value || null);

export const ZCreateDepartment = z.object({
  name: ZName,
  description: ZDescription,
  parentId: ZOptionalId,
  headId: ZOptionalId,
});
export type TCreateDepartment = z.input<typeof ZCreateDepartment>;

export const ZUpdateDepartment = z.object({
  id: z.string().uuid(),
  name: ZName,
  description: ZDescription,
  headId: ZOptionalId,
});
export type TUpdateDepartment = z.input<typeof ZUpdateDepartment>;

export const ZMoveDepartment = z.object({ id: z.string().uuid(), parentId: ZOptionalId });
export type TMoveDepartment = z.input<typeof ZMoveDepartment>;

/** Deleting a department that still has members, roles or children needs somewhere to move them. */
export const ZDeleteDepartment = z.object({
  id: z.string().uuid(),
  moveTo: ZOptionalId,
  /** Must be true to move dependants; without it a department with dependants is refused. */
  moveDependants: z.boolean().optional().default(false),
});
export type TDeleteDepartment = z.input<typeof ZDeleteDepartment>;

/** PATCH /api/v1/departments/:id: any of rename, describe, set head, move; absent keys stay as they are. */
export const ZPatchDepartment = z
  .object({
    name: ZName.optional(),
    description: z.string().trim().max(500, "At most 500 characters").nullable().optional(),
    headId: z.string().uuid().nullable().optional(),
    parentId: z.string().uuid().nullable().optional(),
  })
  .strict();
