import { apiRoute, readJson } from "@/lib/http/api-route";
import { parsePageQuery } from "@/lib/http/pagination";
import { listFormsPage } from "@/lib/forms/queries";
import { ZCreateForm } from "@/lib/forms/schema";
import { createForm } from "@/lib/forms/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "tasks.view" }, async ({ request, principal }) =>
  Response.json(await listFormsPage(principal.companyId, parsePageQuery(request.url))),
);

/** Creates a form (draft version 1); `definition` is optional and validated like a draft save. */
export const POST = apiRoute({ permission: "tasks.create" }, async ({ request, ctx }) =>
  Response.json(await createForm(ctx, await readJson(request, ZCreateForm)), { status: 201 }),
);
