import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

// Single-use links (invitations, password resets): 32 random bytes, emailed once; only the sha256
// is stored, so a database leak does not hand out working links.

/** A fresh token for a link, and the hash to store. */
export function createLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

/** The stored form of a link token. */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The shape of a link token (43 base64url characters); anything else cannot be one of ours. */
export const ZLinkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid");

export function isLinkToken(value: string): boolean {
  return ZLinkToken.safeParse(value).success;
}
