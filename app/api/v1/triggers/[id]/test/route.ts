import { z } from "zod";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { testTrigger } from "@/lib/triggers/test-run";

export const dynamic = "force-dynamic";

const ZTestBody = z.object({ trigger: z.unknown(), eventId: z.uuid().optional(), sample: z.record(z.string(), z.unknown()).optional() });

/** A dry run: { trigger, eventId? | sample? } → condition explained, actions previewed; nothing written. */
export const POST = apiRoute<{ id: string }>({ permission: "triggers.view" }, async ({ request, principal }) =>
  Response.json(await testTrigger(principal.companyId, await readJson(request, ZTestBody))),
);
