"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { runAction, useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/inputs";
import { deleteDepartmentAction, moveDepartmentAction, updateDepartmentAction } from "@/lib/org/departments/actions";
import { ZUpdateDepartment, type TUpdateDepartment } from "@/lib/org/departments/schema";

type Option = { id: string; label: string };
type Department = {
  id: string;
  name: string;
  description: string | null;
  parentId: string | null;
  headId: string | null;
  members: { id: string; firstName: string; lastName: string; email: string; isActive: boolean }[];
  roles: { id: string; name: string }[];
  children: number;
};
type Props = {
  department: Department;
  moveTargets: (Option & { depth: number })[];
  deleteTargets: (Option & { depth: number })[];
  people: Option[];
  canUpdate: boolean;
  canDelete: boolean;
};

function indent(option: Option & { depth: number }) {
  return `${"\u00a0\u00a0".repeat(option.depth)}${option.label}`;
}

export function DepartmentDetails({ department, moveTargets, deleteTargets, people, canUpdate, canDelete }: Props) {
  const router = useRouter();
  const form = useForm<TUpdateDepartment>({
    resolver: zodResolver(ZUpdateDepartment, undefined, { raw: true }),
    defaultValues: { id: department.id, name: department.name, description: department.description ?? "", headId: department.headId ?? "" },
  });
  const { submit, pending } = useActionSubmit(form, updateDepartmentAction, { success: "Department saved" });
  const [parentId, setParentId] = useState(department.parentId ?? "");
  const [moveError, setMoveError] = useState<string>();
  const [moving, startMove] = useTransition();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [moveTo, setMoveTo] = useState(department.parentId ?? "");
  const [deleting, startDelete] = useTransition();
  const dependants = { members: department.members.length, roles: department.roles.length, children: department.children };
  const hasDependants = dependants.members + dependants.roles + dependants.children > 0;
  const { errors } = form.formState;

  const move = () =>
    startMove(async () => {
      const result = await runAction(moveDepartmentAction({ id: department.id, parentId }), "Department moved");
      setMoveError(result.ok ? undefined : result.error);
    });

  const remove = () =>
    startDelete(async () => {
      const result = await runAction(deleteDepartmentAction({ id: department.id, moveTo, moveDependants: hasDependants }), `${department.name} deleted`);
      if (result.ok) router.push("/organisation/departments");
    });

  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="space-y-3" aria-label="Edit department" noValidate>
        <FormError message={errors.root?.server?.message} />
        <Field id="edit-name" label="Name" error={errors.name?.message}>
          <Input id="edit-name" disabled={!canUpdate} invalid={!!errors.name} errorId="edit-name-error" {...form.register("name")} />
        </Field>
        <Field id="edit-description" label="Description" error={errors.description?.message}>
          <Input id="edit-description" disabled={!canUpdate} {...form.register("description")} />
        </Field>
        <Field id="edit-head" label="Head" error={errors.headId?.message}>
          <Select id="edit-head" disabled={!canUpdate} {...form.register("headId")}>
            <option value="">— Nobody —</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.label}
              </option>
            ))}
          </Select>
        </Field>
        {canUpdate ? (
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save"}
          </Button>
        ) : null}
      </form>

      {canUpdate ? (
        <section aria-labelledby="move-heading" className="space-y-2 border-t border-slate-100 pt-4">
          <h3 id="move-heading" className="text-sm font-semibold text-slate-700">
            Move
          </h3>
          <div className="flex flex-wrap items-end gap-2">
            <div className="min-w-56 flex-1">
              <Field id="move-parent" label="Move under" error={moveError}>
                <Select id="move-parent" value={parentId} invalid={!!moveError} errorId="move-parent-error" onChange={(event) => setParentId(event.target.value)}>
                  <option value="">— Top level —</option>
                  {moveTargets.map((target) => (
                    <option key={target.id} value={target.id}>
                      {indent(target)}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            <Button type="button" variant="secondary" onClick={move} disabled={moving || parentId === (department.parentId ?? "")}>
              {moving ? "Moving…" : "Move"}
            </Button>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="members-heading" className="space-y-2 border-t border-slate-100 pt-4">
        <h3 id="members-heading" className="text-sm font-semibold text-slate-700">
          Members ({department.members.length})
        </h3>
        {department.members.length === 0 ? (
          <p className="text-sm text-slate-500">Nobody belongs to this department yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {department.members.map((member) => (
              <li key={member.id} className="flex items-center justify-between px-3 py-2 text-sm">
                <span>
                  {member.firstName} {member.lastName}
                  {department.headId === member.id ? <span className="ml-2 rounded bg-blue-50 px-1.5 py-0.5 text-xs text-blue-700">Head</span> : null}
                </span>
                <span className="text-slate-500">{member.email}</span>
              </li>
            ))}
          </ul>
        )}
        {department.roles.length ? <p className="text-sm text-slate-500">Roles: {department.roles.map((role) => role.name).join(", ")}</p> : null}
      </section>

      {canDelete ? (
        <section className="border-t border-slate-100 pt-4">
          {!confirmingDelete ? (
            <Button type="button" variant="danger" onClick={() => setConfirmingDelete(true)}>
              Delete department
            </Button>
          ) : (
            <div role="group" aria-labelledby="delete-heading" className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4">
              <h3 id="delete-heading" className="text-sm font-semibold text-red-800">
                Delete {department.name}?
              </h3>
              {hasDependants ? (
                <>
                  <p className="text-sm text-red-800">
                    It still has {dependants.members} member(s), {dependants.roles} role(s) and {dependants.children} sub-department(s). Choose where they go —
                    nothing is left orphaned.
                  </p>
                  <Field id="delete-move-to" label="Move them to">
                    <Select id="delete-move-to" value={moveTo} onChange={(event) => setMoveTo(event.target.value)}>
                      <option value="">— No department (sub-departments go to the top level) —</option>
                      {deleteTargets.map((target) => (
                        <option key={target.id} value={target.id}>
                          {indent(target)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </>
              ) : (
                <p className="text-sm text-red-800">It has no members, roles or sub-departments.</p>
              )}
              <div className="flex gap-2">
                <Button type="button" variant="danger" onClick={remove} disabled={deleting}>
                  {deleting ? "Deleting…" : hasDependants ? "Move and delete" : "Delete"}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setConfirmingDelete(false)}>
                  Cancel
                </Button>
              </div>
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}
