import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { safeFileName, sniffContentType, type SniffedType } from "@/lib/files/sniff";

// Uploaded files live under FILES_DIR (the data folder by default), named by a random storage key —
// never by anything the user chose — and are served only through the authorised download route.

export type UploadRules = { maxBytes: number; allowedTypes: readonly SniffedType[]; field?: string };

function filesRoot(): string {
  // Resolved at run time from configuration; the ignore comment keeps the bundler from tracing the project.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env().FILES_DIR);
}

/** Reads, checks (size first, then sniffed type) and writes an upload; returns what the File row needs. */
export async function storeUpload(companyId: string, file: File, rules: UploadRules) {
  const field = rules.field ?? "file";
  if (file.size > rules.maxBytes) {
    const limit = `${Math.round(rules.maxBytes / 1024)} KB`;
    throw new AppError("VALIDATION", `The file is larger than ${limit}.`, { fieldErrors: { [field]: [`The file is larger than ${limit}.`] } });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > rules.maxBytes) throw new AppError("VALIDATION", "The file is too large.", { fieldErrors: { [field]: ["The file is too large."] } });
  const mimetype = sniffContentType(bytes);
  if (!rules.allowedTypes.includes(mimetype)) {
    const message = `This kind of file is not allowed here (allowed: ${rules.allowedTypes.map((type) => type.split("/")[1]).join(", ")}).`;
    throw new AppError("VALIDATION", message, { fieldErrors: { [field]: [message] } });
  }
  const storageKey = `${companyId}/${randomUUID()}`;
  const target = path.join(filesRoot(), storageKey);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, bytes, { mode: 0o600 });
  return {
    storageKey,
    originalName: safeFileName(file.name),
    mimetype,
    size: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

/** Records a stored upload, inside the caller's transaction. */
export function recordFile(tx: Tx, companyId: string, uploadedById: string | null, stored: Awaited<ReturnType<typeof storeUpload>>, context: { context: string; contextId?: string }) {
  return tx.file.create({ data: { companyId, uploadedById, ...stored, ...context }, select: { id: true, mimetype: true, originalName: true } });
}

/** A file of the company, with its bytes; foreign or unknown ids are the same 404. */
export async function readCompanyFile(companyId: string, id: string) {
  const file = await db.file.findFirst({ where: { id, companyId, deletedAt: null } });
  if (!file) throw new AppError("NOT_FOUND", "File not found.");
  const target = path.join(filesRoot(), file.storageKey);
  if (!target.startsWith(filesRoot() + path.sep)) throw new AppError("NOT_FOUND", "File not found.");
  const bytes = await fs.readFile(target).catch(() => {
    throw new AppError("NOT_FOUND", "File not found.");
  });
  return { file, bytes };
}
