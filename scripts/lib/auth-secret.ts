// The secret that signs session cookies. Kept in the data folder so sessions survive restarts.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ScriptError } from "./database";

const MIN_LENGTH = 32; // what lib/env.ts requires

/** AUTH_SECRET when set; otherwise `<dataDir>/auth-secret`, created (48 random bytes, mode 0600) on first use. */
export function readOrCreateAuthSecret(dataDir: string): string {
  const configured = process.env.AUTH_SECRET?.trim();
  if (configured) {
    if (configured.length < MIN_LENGTH) throw new ScriptError(`AUTH_SECRET must be at least ${MIN_LENGTH} characters; unset it to use a generated one.`);
    return configured;
  }
  const file = path.join(dataDir, "auth-secret");
  try {
    const stored = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : "";
    if (stored.length >= MIN_LENGTH) return stored;
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(48).toString("base64url");
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    fs.chmodSync(file, 0o600); // writeFileSync's mode only applies to a new file
    return secret;
  } catch (error) {
    throw new ScriptError(`Cannot read or create ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}). Set AUTH_SECRET, or FLOWRIGHT_DATA_DIR to a writable folder.`);
  }
}
