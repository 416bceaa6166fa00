import { ZCreateEmailTemplate } from "@/lib/email-templates/schema";
import { createEmailTemplate, listEmailTemplates } from "@/lib/email-templates/service";
import { apiRoute, readJson } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "triggers.view" }, async ({ principal }) => Response.json({ items: await listEmailTemplates(principal.companyId) }));

export const POST = apiRoute({ permission: "triggers.update" }, async ({ request, ctx }) =>
  Response.json(await createEmailTemplate(ctx, await readJson(request, ZCreateEmailTemplate)), { status: 201 }),
);
