import { apiRoute } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { readCompanyFile } from "@/lib/files/storage";

export const dynamic = "force-dynamic";

/**
 * Authorised download of an uploaded file. Served with its sniffed type, never sniffable by the
 * browser, and under a CSP sandbox so that an SVG opened directly cannot run script.
 */
export const GET = apiRoute<{ id: string }>({}, async ({ principal, params, request }) => {
  const { file, bytes } = await readCompanyFile(principal.companyId, parseId(params.id, "File"));
  const inline = new URL(request.url).searchParams.get("download") === null && file.mimetype.startsWith("image/");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": file.mimetype,
      "content-length": String(bytes.length),
      "content-disposition": `${inline ? "inline" : "attachment"}; filename="${file.originalName}"`,
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=300",
    },
  });
});
