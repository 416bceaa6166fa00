import { z } from "zod";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { rotateSecret } from "@/lib/triggers/secrets";

export const dynamic = "force-dynamic";

const ZRotate = z.object({ overlapHours: z.number().min(0).max(24 * 30).default(24) });

/** A new signing secret (in the answer, once); the current ones stay valid for overlapHours. */
export const POST = apiRoute<{ id: string }>({ permission: "triggers.update" }, async ({ request, ctx, params }) =>
  Response.json(await rotateSecret(ctx, { triggerId: parseId(params.id, "Trigger"), ...(await readJson(request, ZRotate)) })),
);
