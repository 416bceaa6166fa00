import { renameDesign } from "@/lib/design/details";
import { ZDesignDetails } from "@/lib/design/details-schema";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { parseId } from "@/lib/http/pagination";
import { getForm } from "@/lib/forms/queries";

export const dynamic = "force-dynamic";

/** The form with its versions, the draft (with its revision, for saves) and the newest published definition. */
export const GET = apiRoute<{ id: string }>({ permission: "tasks.view" }, async ({ principal, params }) =>
  Response.json(await getForm(principal.companyId, parseId(params.id, "Form"))),
);

/** Renames the form (and/or changes its description): body { name, description? }. */
export const PATCH = apiRoute<{ id: string }>({ permission: "tasks.update" }, async ({ request, ctx, params }) =>
  Response.json(await renameDesign(ctx, "form", { ...(await readJson(request, ZDesignDetails)), id: parseId(params.id, "Form") })),
);
