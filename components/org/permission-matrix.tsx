"use client";

import { useState, useTransition } from "react";
import { runAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ACTIONS, RESOURCES, type Permission } from "@/lib/auth/permissions";
import { setRolePermissionsAction } from "@/lib/org/roles/actions";

const RESOURCE_LABELS: Record<string, string> = {
  companies: "Company",
  departments: "Departments",
  roles: "Roles",
  users: "People",
  tasks: "Forms",
  flows: "Flows",
  instances: "Requests",
  triggers: "Triggers",
  datasets: "Datasets",
  tables: "Tables",
  records: "Records",
  integrations: "Integrations",
  audit: "Audit log",
};

/** Resources × actions as a grid of check boxes; saving replaces the role's permissions in one transaction. */
export function PermissionMatrix({ roleId, initial, canUpdate }: { roleId: string; initial: Permission[]; canUpdate: boolean }) {
  const [granted, setGranted] = useState(() => new Set<Permission>(initial));
  const [saved, setSaved] = useState(() => new Set<Permission>(initial));
  const [pending, startTransition] = useTransition();
  const dirty = granted.size !== saved.size || [...granted].some((permission) => !saved.has(permission));

  const toggle = (permissions: Permission[], on: boolean) =>
    setGranted((current) => {
      const next = new Set(current);
      for (const permission of permissions) (on ? next.add(permission) : next.delete(permission));
      return next;
    });

  const save = () =>
    startTransition(async () => {
      const permissions = [...granted];
      const result = await runAction(setRolePermissionsAction({ id: roleId, permissions }), "Permissions saved");
      if (result.ok) setSaved(new Set(permissions));
    });

  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Permissions of this role</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-medium text-slate-600">
                Resource
              </th>
              {ACTIONS.map((action) => {
                const column = RESOURCES.map((resource) => `${resource}.${action}` as Permission);
                const all = column.every((permission) => granted.has(permission));
                return (
                  <th key={action} scope="col" className="px-2 py-2 text-center font-medium capitalize text-slate-600">
                    <button type="button" disabled={!canUpdate} className="capitalize hover:underline disabled:no-underline" aria-label={`${all ? "Clear" : "Grant"} ${action} on every resource`} onClick={() => toggle(column, !all)}>
                      {action}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {RESOURCES.map((resource) => {
              const row = ACTIONS.map((action) => `${resource}.${action}` as Permission);
              const all = row.every((permission) => granted.has(permission));
              return (
                <tr key={resource}>
                  <th scope="row" className="px-3 py-1.5 text-left font-normal">
                    <button type="button" disabled={!canUpdate} className="hover:underline disabled:no-underline" aria-label={`${all ? "Clear" : "Grant"} every action on ${RESOURCE_LABELS[resource]}`} onClick={() => toggle(row, !all)}>
                      {RESOURCE_LABELS[resource]}
                    </button>
                  </th>
                  {row.map((permission) => (
                    <td key={permission} className="px-2 py-1.5 text-center">
                      <input
                        type="checkbox"
                        className="h-4 w-4 accent-[var(--brand)]"
                        aria-label={permission}
                        checked={granted.has(permission)}
                        disabled={!canUpdate}
                        onChange={(event) => toggle([permission], event.target.checked)}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canUpdate ? (
        <div className="flex items-center gap-3">
          <Button type="button" onClick={save} disabled={pending || !dirty}>
            {pending ? "Saving…" : "Save permissions"}
          </Button>
          <span className="text-sm text-slate-500" aria-live="polite">
            {dirty ? "Unsaved changes" : `${saved.size} permission${saved.size === 1 ? "" : "s"} granted`}
          </span>
        </div>
      ) : null}
    </div>
  );
}
