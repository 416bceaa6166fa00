import { z } from "zod";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { getTrigger } from "@/lib/triggers/queries";
import { archiveTrigger, updateTrigger } from "@/lib/triggers/service";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "triggers.view" }, async ({ principal, params }) => Response.json(await getTrigger(principal.companyId, parseId(params.id, "Trigger"))));

/** Body: ZTriggerInput plus optional expectedUpdatedAt (409 when someone saved since). */
export const PUT = apiRoute<Params>({ permission: "triggers.update" }, async ({ request, ctx, params }) => {
  const { expectedUpdatedAt, ...trigger } = await readJson(request, z.looseObject({ expectedUpdatedAt: z.iso.datetime().optional() }));
  return Response.json(await updateTrigger(ctx, { triggerId: parseId(params.id, "Trigger"), expectedUpdatedAt }, trigger));
});

export const DELETE = apiRoute<Params>({ permission: "triggers.delete" }, async ({ ctx, params }) => {
  await archiveTrigger(ctx, { triggerId: parseId(params.id, "Trigger") });
  return new Response(null, { status: 204 });
});
