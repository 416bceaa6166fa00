import { ZUpdateEmailTemplate } from "@/lib/email-templates/schema";
import { getEmailTemplate, updateEmailTemplate } from "@/lib/email-templates/service";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "triggers.view" }, async ({ principal, params }) => Response.json(await getEmailTemplate(principal.companyId, parseId(params.id, "Template"))));

export const PUT = apiRoute<Params>({ permission: "triggers.update" }, async ({ request, ctx, params }) =>
  Response.json(await updateEmailTemplate(ctx, { ...(await readJson(request, ZUpdateEmailTemplate.omit({ id: true }))), id: parseId(params.id, "Template") })),
);
