import "server-only";
import type { Tx } from "@/lib/db";
import type { FieldErrors } from "@/lib/errors";
import type { TFlowDefinition } from "./definition";

// What a draft names outside itself — roles, departments, people, forms — must be this company's
// (forms: published versions), and its level and branch ids must be its own. Foreign and unknown ids
// get the same answer, so a draft cannot probe another company.

const at = (errors: FieldErrors, path: string, message: string) => (errors[path] ??= []).push(message);

/** Field errors keyed by the save input's path ("definition.levels.1.assignees.0"), or null when all is well. */
export async function checkReferences(tx: Tx, input: { companyId: string; flowVersionId: string; definition: TFlowDefinition }): Promise<FieldErrors | null> {
  const { companyId, definition } = input;
  const roleIds = new Set<string>();
  const departmentIds = new Set<string>();
  const userIds = new Set<string>();
  const formIds = new Set<string>();
  for (const level of definition.levels) {
    for (const assignee of level.assignees) {
      if (assignee.kind === "ROLE") roleIds.add(assignee.roleId);
      if (assignee.kind === "DEPARTMENT") departmentIds.add(assignee.departmentId);
      if (assignee.kind === "USER") userIds.add(assignee.userId);
    }
    if (level.escalation?.to === "role") roleIds.add(level.escalation.roleId);
    for (const id of level.taskVersionIds) formIds.add(id);
  }
  const levelIds = definition.levels.map((level) => level.id);
  const branchIds = definition.branches.map((branch) => branch.id);
  const [roles, departments, users, forms, foreignLevels, foreignBranches] = await Promise.all([
    tx.role.findMany({ where: { id: { in: [...roleIds] }, companyId }, select: { id: true } }),
    tx.department.findMany({ where: { id: { in: [...departmentIds] }, companyId }, select: { id: true } }),
    tx.user.findMany({ where: { id: { in: [...userIds] }, companyId, isActive: true }, select: { id: true } }),
    tx.taskVersion.findMany({ where: { id: { in: [...formIds] }, companyId, state: "PUBLISHED" }, select: { id: true } }),
    tx.flowLevel.findMany({ where: { id: { in: levelIds }, NOT: { flowVersionId: input.flowVersionId } }, select: { id: true } }),
    tx.flowBranch.findMany({ where: { id: { in: branchIds }, NOT: { flowVersionId: input.flowVersionId } }, select: { id: true } }),
  ]);
  const known = (rows: { id: string }[]) => new Set(rows.map((row) => row.id));
  const [role, department, user, form] = [known(roles), known(departments), known(users), known(forms)];
  const takenLevel = known(foreignLevels);
  const takenBranch = known(foreignBranches);
  const errors: FieldErrors = {};
  definition.levels.forEach((level, i) => {
    const path = `definition.levels.${i}`;
    if (takenLevel.has(level.id)) at(errors, `${path}.id`, "This level id is already in use; add the level again");
    level.assignees.forEach((assignee, j) => {
      if (assignee.kind === "ROLE" && !role.has(assignee.roleId)) at(errors, `${path}.assignees.${j}`, "This role does not exist");
      if (assignee.kind === "DEPARTMENT" && !department.has(assignee.departmentId)) at(errors, `${path}.assignees.${j}`, "This department does not exist");
      if (assignee.kind === "USER" && !user.has(assignee.userId)) at(errors, `${path}.assignees.${j}`, "This person does not exist or is deactivated");
    });
    if (level.escalation?.to === "role" && !role.has(level.escalation.roleId)) at(errors, `${path}.escalation`, "This role does not exist");
    level.taskVersionIds.forEach((id, j) => {
      if (!form.has(id)) at(errors, `${path}.taskVersionIds.${j}`, "This form version does not exist or is not published");
    });
  });
  definition.branches.forEach((branch, i) => {
    if (takenBranch.has(branch.id)) at(errors, `definition.branches.${i}.id`, "This branch id is already in use; add the branch again");
  });
  return Object.keys(errors).length > 0 ? errors : null;
}
