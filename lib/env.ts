import "server-only";
import { z } from "zod";

// The one place that reads process.env. Scripts (scripts/, bench/) have their own helpers because
// they run before the app and must explain missing settings in their own words.
const ZEnv = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set. Start the app with `npm start`, which provides a database." })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  APP_URL: z.string().url().default("http://localhost:3000"),
  FILES_DIR: z.string().default(".data/files"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Flowright <no-reply@flowright.local>"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** 32 bytes, base64: the AES-256-GCM key of stored secrets (webhook secrets, header values). Without it, a key is derived from AUTH_SECRET. */
  SECRETS_KEY: z.string().optional(),
  /** Let outbound webhooks reach private and loopback addresses (tests; an on-premises install that means it). */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

/** The validated environment; throws one readable error naming every bad variable. */
export function env(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
