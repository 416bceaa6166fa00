import { z } from "zod";

// Email templates: subject and bodies with {{variables}} (lib/triggers/template.ts), referenced by
// send_email actions through their key. One schema per input, shared by the editor and the API.

export const ZTemplateKey = z.string().trim().regex(/^[a-z][a-z0-9_]{0,62}$/, "A key starts with a lower-case letter and has only a–z, 0–9 and _");

const fields = {
  key: ZTemplateKey,
  name: z.string().trim().min(1, "Give the template a name").max(200, "At most 200 characters"),
  subject: z.string().trim().min(1, "Give the email a subject").max(300, "At most 300 characters").refine((value) => !/[\r\n]/.test(value), "A subject is one line"),
  bodyHtml: z.string().min(1, "Write the email").max(100_000, "At most 100,000 characters"),
  /** The plain-text alternative; derived from the HTML when empty. */
  bodyText: z.string().max(100_000).nullish().transform((value) => value?.trim() || null),
  isActive: z.boolean().default(true),
};

export const ZCreateEmailTemplate = z.object(fields);
export type TCreateEmailTemplate = z.input<typeof ZCreateEmailTemplate>;
export const ZUpdateEmailTemplate = z.object({ id: z.uuid(), ...fields });
export type TUpdateEmailTemplate = z.input<typeof ZUpdateEmailTemplate>;
export const ZPreviewEmailTemplate = z.object({ subject: z.string().max(300), bodyHtml: z.string().max(100_000), bodyText: z.string().max(100_000).optional(), sample: z.record(z.string(), z.unknown()).default({}) });
