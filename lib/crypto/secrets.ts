import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// Secrets the app must be able to read back (webhook signing secrets, header values of outbound
// calls) are stored encrypted with AES-256-GCM: "v1.<iv>.<tag>.<ciphertext>" in base64url. The key is
// SECRETS_KEY (32 bytes, base64) or, when unset, derived from AUTH_SECRET with HKDF — so a stolen
// database alone reveals nothing. Rotating the key means re-encrypting (not needed by any feature yet).

let cachedKey: Buffer | undefined;

function key(): Buffer {
  if (cachedKey) return cachedKey;
  const { SECRETS_KEY, AUTH_SECRET } = env();
  if (SECRETS_KEY) {
    const raw = Buffer.from(SECRETS_KEY, "base64");
    if (raw.length !== 32) throw new Error("SECRETS_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`).");
    cachedKey = raw;
  } else {
    cachedKey = Buffer.from(hkdfSync("sha256", AUTH_SECRET, "flowright", "flowright:stored-secrets:v1", 32));
  }
  return cachedKey;
}

export function encryptSecret(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** Decrypts what encryptSecret wrote; throws when it was tampered with or the key changed. */
export function decryptSecret(stored: string): string {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== "v1" || !iv || !tag || ciphertext === undefined) throw new Error("Not an encrypted secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** A new Standard Webhooks secret: "whsec_" + 24 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}
