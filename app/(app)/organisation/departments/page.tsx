import type { Metadata } from "next";
import Link from "next/link";
import { EntityHistory } from "@/components/audit/entity-history";
import { DepartmentCreateForm } from "@/components/org/department-create-form";
import { DepartmentDetails } from "@/components/org/department-details";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { orNull } from "@/lib/errors";
import { buildTree, descendantIds, flattenTree } from "@/lib/org/department-tree";
import { getDepartment, listDepartments, listPeopleOptions } from "@/lib/org/departments/queries";

export const metadata: Metadata = { title: "Departments" };

async function loadSelected(companyId: string, id: string | undefined) {
  if (!id) return null;
  return orNull(getDepartment(companyId, id)); // unknown, foreign or malformed id: nothing selected
}

export default async function DepartmentsPage({ searchParams }: { searchParams: Promise<{ d?: string }> }) {
  const principal = await requirePagePrincipal("departments.view");
  const { d } = await searchParams;
  const [rows, people] = await Promise.all([listDepartments(principal.companyId), listPeopleOptions(principal.companyId)]);
  const selectedId = d && /^[0-9a-f-]{36}$/i.test(d) ? d : undefined;
  const selected = await loadSelected(principal.companyId, selectedId);
  const flat = flattenTree(buildTree(rows));
  const options = flat.map((node) => ({ id: node.id, label: node.name, depth: node.depth }));
  const blocked = selected ? new Set([selected.id, ...descendantIds(rows, selected.id)]) : new Set<string>();
  const selectedRow = selected ? rows.find((row) => row.id === selected.id) : undefined;

  return (
    <div>
      <PageHeader title="Departments" description="Your company's structure: a tree of departments, their heads and members." />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)]">
        <div className="space-y-6">
          <Card>
            <h2 className="border-b border-slate-100 px-5 py-3 text-sm font-semibold text-slate-700">Structure</h2>
            {flat.length === 0 ? (
              <p className="px-5 py-6 text-sm text-slate-500">No departments yet. Create the first one below.</p>
            ) : (
              <ul aria-label="Department tree" className="py-2">
                {flat.map((node) => (
                  <li key={node.id}>
                    <Link
                      href={`/organisation/departments?d=${node.id}`}
                      aria-current={node.id === selected?.id ? "true" : undefined}
                      className={cn("flex items-center justify-between py-1.5 pr-5 text-sm hover:bg-slate-50", node.id === selected?.id && "bg-blue-50 font-medium")}
                      style={{ paddingLeft: `${1.25 + node.depth * 1.25}rem` }}
                    >
                      <span>
                        {node.depth > 0 ? <span className="mr-1 text-slate-400">└</span> : null}
                        {node.name}
                      </span>
                      <span className="text-xs text-slate-500">
                        {node.members} {node.members === 1 ? "member" : "members"}
                        {node.headName ? ` · head ${node.headName}` : ""}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {can(principal.permissions, "departments.create") ? (
            <Card className="p-5">
              <h2 className="mb-3 text-sm font-semibold text-slate-700">New department</h2>
              <DepartmentCreateForm departments={options} people={people} />
            </Card>
          ) : null}
        </div>
        <Card className="p-5">
          {selected && selectedRow ? (
            <>
              <h2 className="mb-4 text-lg font-semibold text-slate-900">{selected.name}</h2>
              <DepartmentDetails
                key={`${selected.id}-${selectedRow.parentId}-${selected.name}`}
                department={{ ...selected, children: selectedRow.children }}
                moveTargets={options.filter((option) => !blocked.has(option.id))}
                deleteTargets={options.filter((option) => !blocked.has(option.id))}
                people={people}
                canUpdate={can(principal.permissions, "departments.update")}
                canDelete={can(principal.permissions, "departments.delete")}
              />
              {can(principal.permissions, "audit.view") ? (
                <section className="mt-6 border-t border-slate-100 pt-4">
                  <h3 className="mb-3 text-sm font-semibold text-slate-700">History</h3>
                  <EntityHistory companyId={principal.companyId} entity="Department" entityId={selected.id} />
                </section>
              ) : null}
            </>
          ) : (
            <p className="text-sm text-slate-500">Select a department to see its members, rename, move or delete it.</p>
          )}
        </Card>
      </div>
    </div>
  );
}
