import "server-only";
import { db } from "@/lib/db";

// What the trigger editor's pickers offer: forms (task events), flows (flow events and start_flow),
// tables (row events and row actions, with their columns), email templates, roles and people.

export async function loadEditorOptions(companyId: string) {
  const [tasks, flows, tables, templates, roles, users] = await Promise.all([
    db.task.findMany({ where: { companyId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.flow.findMany({ where: { companyId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, status: true } }),
    db.customTable.findMany({ where: { companyId, archivedAt: null }, orderBy: { displayName: "asc" }, select: { id: true, displayName: true, schema: true } }),
    db.emailTemplate.findMany({ where: { companyId }, orderBy: { name: "asc" }, select: { key: true, name: true, isActive: true } }),
    db.role.findMany({ where: { companyId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({ where: { companyId, isActive: true }, orderBy: { email: "asc" }, select: { id: true, email: true, firstName: true, lastName: true } }),
  ]);
  return {
    tasks,
    flows,
    tables: tables.map((table) => ({
      id: table.id,
      name: table.displayName,
      columns: ((table.schema as { columns?: { key: string; label?: string }[] } | null)?.columns ?? []).map((column) => ({ key: column.key, label: column.label ?? column.key })),
    })),
    templates,
    roles,
    users: users.map((user) => ({ id: user.id, label: [user.firstName, user.lastName].filter(Boolean).join(" ") || user.email, email: user.email })),
  };
}
export type TEditorOptions = Awaited<ReturnType<typeof loadEditorOptions>>;
