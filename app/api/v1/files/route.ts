import { AppError } from "@/lib/errors";
import type { SniffedType } from "@/lib/files/sniff";
import { recordFile, storeUpload } from "@/lib/files/storage";
import { apiRoute } from "@/lib/http/api-route";
import { MAX_UPLOAD_MB, ZUploadQuery } from "@/lib/forms/schema";
import { inTransaction } from "@/lib/service-context";

export const dynamic = "force-dynamic";

// Uploads for form file and signature fields: multipart, one or more files. Sizes are checked
// before anything is buffered where possible (Content-Length), and while streaming otherwise; the
// type is sniffed from the bytes. A submission later checks that each id is the submitter's own.

const MB = 1024 * 1024;
const MAX_FILES_PER_REQUEST = 10;
const MAX_BODY_BYTES = 60 * MB;
// SVG is left out on purpose: it can carry script, and forms never need it.
const ALLOWED: readonly SniffedType[] = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain"];

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `An upload can be at most ${MAX_BODY_BYTES / MB} MB in total.`);

/** The body, refused as soon as it passes the limit (a missing or lying Content-Length gains nothing). */
function limitedBody(request: Request): ReadableStream<Uint8Array> {
  let seen = 0;
  return request.body!.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > MAX_BODY_BYTES) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
}

async function readFiles(request: Request): Promise<File[]> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body || !(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    throw new AppError("BAD_REQUEST", "Send the files as multipart/form-data.");
  }
  let form: FormData;
  try {
    form = await new Response(limitedBody(request), { headers: { "content-type": request.headers.get("content-type")! } }).formData();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("BAD_REQUEST", "The upload could not be read.");
  }
  const files = [...form.values()].filter((value): value is File => typeof value !== "string");
  if (files.length === 0) throw new AppError("VALIDATION", "Choose a file to upload.", { fieldErrors: { file: ["Choose a file to upload."] } });
  if (files.length > MAX_FILES_PER_REQUEST) throw new AppError("VALIDATION", `Upload at most ${MAX_FILES_PER_REQUEST} files at once.`);
  return files;
}

/** POST /api/v1/files?maxSizeMb=10 → 201 `[{ id, originalName, mimetype, size }]`. */
export const POST = apiRoute({}, async ({ request, principal, ctx }) => {
  const { maxSizeMb = MAX_UPLOAD_MB } = ZUploadQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const files = await readFiles(request);
  const stored: Awaited<ReturnType<typeof storeUpload>>[] = [];
  for (const file of files) stored.push(await storeUpload(principal.companyId, file, { maxBytes: Math.floor(maxSizeMb * MB), allowedTypes: ALLOWED, field: "file" }));
  const created = await inTransaction(ctx, async (tx, audit) => {
    const rows = [];
    for (const item of stored) {
      const row = await recordFile(tx, principal.companyId, principal.userId, item, { context: "form_upload" });
      rows.push({ id: row.id, originalName: row.originalName, mimetype: row.mimetype, size: item.size });
      await audit({ action: "file.uploaded", entity: "File", entityId: row.id, metadata: { name: row.originalName, mimetype: row.mimetype, size: item.size, context: "form_upload" } });
    }
    return rows;
  });
  return Response.json(created, { status: 201 });
});
