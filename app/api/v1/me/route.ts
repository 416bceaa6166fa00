import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** The caller: who they are, the company they act in, and what they may do. */
export const GET = apiRoute({}, async ({ principal }) =>
  Response.json({
    id: principal.userId,
    email: principal.email,
    name: principal.name,
    systemRole: principal.systemRole,
    companyId: principal.companyId,
    departmentId: principal.departmentId,
    roleIds: principal.roleIds,
    permissions: [...principal.permissions].sort(),
  }),
);
