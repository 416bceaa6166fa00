import { z } from "zod";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { listTriggers } from "@/lib/triggers/queries";
import { createTrigger } from "@/lib/triggers/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "triggers.view" }, async ({ principal }) => Response.json({ items: await listTriggers(principal.companyId) }));

/** Body: ZTriggerInput (lib/triggers/definition.ts). Webhook triggers answer with their secret, once. */
export const POST = apiRoute({ permission: "triggers.create" }, async ({ request, ctx }) => {
  return Response.json(await createTrigger(ctx, await readJson(request, z.unknown())), { status: 201 });
});
