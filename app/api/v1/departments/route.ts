import { apiRoute, readJson } from "@/lib/http/api-route";
import { parsePageQuery } from "@/lib/http/pagination";
import { listDepartmentsPage } from "@/lib/org/departments/queries";
import { ZCreateDepartment } from "@/lib/org/departments/schema";
import { createDepartment } from "@/lib/org/departments/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "departments.view" }, async ({ request, principal }) =>
  Response.json(await listDepartmentsPage(principal.companyId, parsePageQuery(request.url))),
);

export const POST = apiRoute({ permission: "departments.create" }, async ({ request, ctx }) =>
  Response.json(await createDepartment(ctx, await readJson(request, ZCreateDepartment)), { status: 201 }),
);
