import { z } from "zod";
import { ZPermissionList } from "@/lib/auth/permissions";

// One schema per input, shared by the role forms, the server actions and the REST API.

const ZName = z.string().trim().min(1, "Give the role a name").max(80, "At most 80 characters");
const ZDescription = z.string().trim().max(500, "At most 500 characters").optional().transform((value) => value || null);
const ZOptionalId = z
  .union([z.string().uuid(), z.literal(""), z.null()])
  .optional()
  .transform((value) => value || null);

export const ZCreateRole = z.object({ name: ZName, description: ZDescription, departmentId: ZOptionalId });
export type TCreateRole = z.input<typeof ZCreateRole>;

export const ZUpdateRole = ZCreateRole.extend({ id: z.string().uuid() });
export type TUpdateRole = z.input<typeof ZUpdateRole>;

/** The whole permission matrix of a role, saved at once. */
export const ZSetRolePermissions = z.object({ id: z.string().uuid(), permissions: ZPermissionList });
export type TSetRolePermissions = z.input<typeof ZSetRolePermissions>;

/** Deleting a role people hold needs an explicit confirmation that they lose it. */
export const ZDeleteRole = z.object({ id: z.string().uuid(), confirmMembers: z.boolean().optional().default(false) });
export type TDeleteRole = z.input<typeof ZDeleteRole>;

/** PATCH /api/v1/roles/:id — absent keys stay as they are. */
export const ZPatchRole = z
  .object({
    name: ZName.optional(),
    description: z.string().trim().max(500).nullable().optional(),
    departmentId: z.string().uuid().nullable().optional(),
    permissions: ZPermissionList.optional(),
  })
  .strict();
