import { z } from "zod";
import { ZNewPassword } from "@/lib/org/users/password-policy";
import { SYSTEM_ROLES } from "@/lib/org/users/system-roles";
import { ZLinkToken } from "@/lib/org/users/tokens";

// One schema per input, shared by the browser forms, the server actions and the REST API.

export const ZEmail = z.string().trim().toLowerCase().min(1, "Enter an email address").max(254, "At most 254 characters").email("Enter a valid email address");
export const ZSystemRole = z.enum(SYSTEM_ROLES, { error: "Choose a system role" });
const ZPersonName = (what: string) => z.string().trim().min(1, `Enter ${what}`).max(100, "At most 100 characters");
const ZOptionalId = z
  .union([z.string().uuid(), z.literal(""), z.null()])
  .optional()
  .transform((value) => value || null);
/** Company role ids (a multi-select); duplicates collapse. */
export const ZRoleIds = z
  .array(z.string().uuid("Unknown role"))
  .max(100, "At most 100 roles")
  .transform((ids) => [...new Set(ids)]);

/** The edit form of the user detail page (and, without `id`, the body of PATCH /api/v1/users/:id). */
export const ZUpdateUser = z
  .object({
    id: z.string().uuid(),
    firstName: ZPersonName("a first name"),
    lastName: ZPersonName("a last name"),
    systemRole: ZSystemRole,
    roleIds: ZRoleIds,
    departmentId: ZOptionalId,
    managerId: ZOptionalId,
  })
  .strict();
export type TUpdateUser = z.input<typeof ZUpdateUser>;

/** PATCH /api/v1/users/:id: any of the editable fields; absent keys stay as they are, null clears. */
export const ZPatchUser = ZUpdateUser.omit({ id: true }).partial().strict();

/** Deactivate, reactivate, send a password reset: acts on one user. */
export const ZUserId = z.object({ id: z.string().uuid() }).strict();
export type TUserId = z.input<typeof ZUserId>;

/** "Invite" on the People page and POST /api/v1/users. */
export const ZInviteUser = z
  .object({
    email: ZEmail,
    systemRole: ZSystemRole.default("EMPLOYEE"),
    roleIds: ZRoleIds.default([]),
    departmentId: ZOptionalId,
  })
  .strict();
export type TInviteUser = z.input<typeof ZInviteUser>;

export const ZInvitationId = z.object({ id: z.string().uuid() }).strict();
export type TInvitationId = z.input<typeof ZInvitationId>;

const passwordsMatch = (value: { password: string; confirmPassword: string }) => value.password === value.confirmPassword;
const MISMATCH = { message: "The passwords do not match", path: ["confirmPassword"] };

/** The public invitation page: the invitee's name and password. */
export const ZAcceptInvitation = z
  .object({
    token: ZLinkToken,
    firstName: ZPersonName("your first name"),
    lastName: ZPersonName("your last name"),
    password: ZNewPassword,
    confirmPassword: z.string(),
  })
  .strict()
  .refine(passwordsMatch, MISMATCH);
export type TAcceptInvitation = z.input<typeof ZAcceptInvitation>;

/** The public password reset page. */
export const ZResetPassword = z
  .object({ token: ZLinkToken, password: ZNewPassword, confirmPassword: z.string() })
  .strict()
  .refine(passwordsMatch, MISMATCH);
export type TResetPassword = z.input<typeof ZResetPassword>;

/** My profile: own name. */
export const ZUpdateProfile = z.object({ firstName: ZPersonName("your first name"), lastName: ZPersonName("your last name") }).strict();
export type TUpdateProfile = z.input<typeof ZUpdateProfile>;

/** My profile: own password; the current one is required. */
export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(1024),
    password: ZNewPassword,
    confirmPassword: z.string(),
  })
  .strict()
  .refine(passwordsMatch, MISMATCH);
export type TChangePassword = z.input<typeof ZChangePassword>;

export const USER_STATUSES = ["active", "deactivated", "invited"] as const;
export const USER_SORTS = ["name", "email", "lastSignIn"] as const;
export const USERS_PER_PAGE = 50;

/**
 * The People page's URL (?q=&department=&role=&status=&sort=&dir=&page=). Lenient: a malformed
 * parameter falls back to its default rather than failing the page.
 */
export const ZUserListQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  department: z.string().uuid().optional().catch(undefined),
  role: z.string().uuid().optional().catch(undefined),
  status: z.enum(USER_STATUSES).optional().catch(undefined),
  sort: z.enum(USER_SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});
export type TUserListQuery = z.output<typeof ZUserListQuery>;

/** Filters of GET /api/v1/users (strict: a malformed filter is a 422). */
export const ZUserApiFilters = z.object({
  q: z.string().trim().max(100).optional(),
  departmentId: z.string().uuid().optional(),
  roleId: z.string().uuid().optional(),
  status: z.enum(["active", "deactivated"]).optional(),
});
export type TUserApiFilters = z.output<typeof ZUserApiFilters>;
