import { createHash, randomBytes } from "node:crypto";

// API key tokens: "fr_<prefix>_<secret>". The prefix identifies a key in lists and logs; only a
// sha256 of the whole token is stored (the token has 192 bits of entropy, so a fast hash is enough).

const TOKEN_PATTERN = /^fr_([a-z0-9]{8})_([A-Za-z0-9_-]{32})$/;

export function generateApiKeyToken(): { token: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString("hex").slice(0, 8);
  const secret = randomBytes(24).toString("base64url");
  const token = `fr_${prefix}_${secret}`;
  return { token, prefix, hash: hashApiKeyToken(token) };
}

export function hashApiKeyToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The token from an `Authorization: Bearer …` header when it has the shape of one of ours. */
export function bearerApiKey(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  return match && TOKEN_PATTERN.test(match[1]!) ? match[1]! : null;
}
