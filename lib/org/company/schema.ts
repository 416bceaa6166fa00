import { z } from "zod";

const ZHex = z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #2563EB");

export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg", "image/svg+xml"] as const;

/** Company settings form, server action and PATCH /api/v1/company. */
export const ZCompanySettings = z.object({
  name: z.string().trim().min(1, "Give the company a name").max(120, "At most 120 characters"),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .max(253)
    .regex(/^$|^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, "Use a domain like acme.com")
    .optional()
    .transform((value) => value || null),
  primaryColor: ZHex,
  secondaryColor: ZHex,
  /** A new logo (checked on the server by its bytes: PNG, JPEG or SVG, at most 1 MB). */
  logo: z.instanceof(Blob).optional().nullable(),
  removeLogo: z.boolean().optional().default(false),
});
export type TCompanySettings = z.input<typeof ZCompanySettings>;

/** A DEVELOPER creates a company (then invites its first admin). */
export const ZCreateCompany = z.object({
  name: z.string().trim().min(1, "Give the company a name").max(120),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/, "Lower-case letters, digits and dashes, like acme-europe"),
});
export type TCreateCompany = z.input<typeof ZCreateCompany>;

export const ZSwitchCompany = z.object({ companyId: z.string().uuid() });
