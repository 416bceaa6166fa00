// Writes a flow definition into the rows of one (draft) flow version: levels with their assignees and
// forms, then branches. The seed, draft saves and "edit a published flow" all write through here, so
// the rows always mean what toFlowDefinition reads back. Levels and branches keep the definition's
// ids (UUIDs), which is how an editor's references survive a save.
// No "server-only" import: the seed runs this in plain Node scripts.
import { Prisma } from "@/lib/generated/prisma/client";
import type { TFlowDefinition, TFlowLevel } from "./definition";

type Tx = Prisma.TransactionClient;

/** The `FlowLevel.config` of a level: its engine settings (lib/flows/definition.ts ZLevelConfig). */
export function levelConfig(level: TFlowLevel): Prisma.InputJsonObject {
  return {
    allowedActions: level.allowedActions,
    allowSelfApproval: level.allowSelfApproval,
    ...(level.dueInHours !== undefined ? { dueInHours: level.dueInHours } : {}),
    ...(level.reminderBeforeHours !== undefined ? { reminderBeforeHours: level.reminderBeforeHours } : {}),
    ...(level.escalation !== undefined ? { escalation: level.escalation } : {}),
  };
}

/**
 * Inserts the levels and branches of `definition` into the version (which must be a DRAFT: the
 * database refuses any change to a published one). The caller removes earlier rows first.
 */
export async function writeFlowVersionParts(tx: Tx, input: { companyId: string; flowVersionId: string; definition: TFlowDefinition }): Promise<void> {
  const { companyId, flowVersionId, definition } = input;
  if (definition.levels.length > 0) {
    await tx.flowLevel.createMany({
      data: definition.levels.map((level) => ({
        id: level.id,
        companyId,
        flowVersionId,
        name: level.name,
        order: level.order,
        approvalMode: level.approvalMode,
        requiredApprovals: level.approvalMode === "AT_LEAST" ? level.requiredApprovals : 1,
        config: levelConfig(level),
      })),
    });
  }
  const assignees = definition.levels.flatMap((level) =>
    level.assignees.map((assignee) => ({
      companyId,
      levelId: level.id,
      kind: assignee.kind,
      roleId: assignee.kind === "ROLE" ? assignee.roleId : null,
      departmentId: assignee.kind === "DEPARTMENT" ? assignee.departmentId : null,
      userId: assignee.kind === "USER" ? assignee.userId : null,
    })),
  );
  if (assignees.length > 0) await tx.flowLevelAssignee.createMany({ data: assignees });
  const tasks = definition.levels.flatMap((level) => level.taskVersionIds.map((taskVersionId, index) => ({ companyId, levelId: level.id, taskVersionId, order: index + 1 })));
  if (tasks.length > 0) await tx.flowLevelTask.createMany({ data: tasks });
  if (definition.branches.length > 0) {
    await tx.flowBranch.createMany({
      data: definition.branches.map((branch) => ({
        id: branch.id,
        companyId,
        flowVersionId,
        fromLevelId: branch.fromLevelId,
        name: branch.name,
        target: branch.target,
        toLevelId: branch.target === "LEVEL" ? branch.toLevelId : null,
        isDefault: branch.isDefault,
        priority: branch.priority,
        condition: branch.condition === null ? Prisma.DbNull : { source: branch.condition },
      })),
    });
  }
}

/** Removes every level (and with them, by cascade, assignees, forms and branches) of a draft version. */
export async function clearFlowVersionParts(tx: Tx, input: { companyId: string; flowVersionId: string }): Promise<void> {
  await tx.flowLevel.deleteMany({ where: { flowVersionId: input.flowVersionId, companyId: input.companyId } });
}
