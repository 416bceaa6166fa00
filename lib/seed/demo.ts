// Demo data (Acme Corporation): an organisation, an expense form, a 3-level approval flow and the
// automation around it. Used by `npm run db:seed`, `npm run db:reset` and the db tests.
// No "server-only" import: this module runs in plain Node scripts, where that package throws.
import {
  ActorType,
  DatasetStatus,
  EventType,
  FlowStatus,
  Prisma,
  SystemRole,
  TaskStatus,
  VersionState,
  type PrismaClient,
} from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { FLOW_SCHEMA_VERSION, type TFlowLevel, type TLevelAction } from "@/lib/flows/definition";
import { newId } from "@/lib/flows/editor/new-id";
import { writeFlowVersionParts } from "@/lib/flows/write-version";
import { EXPENSE_CATEGORIES, SEED_EXPENSE_FORM } from "@/lib/seed/expense-form";

type Tx = Prisma.TransactionClient;

/** The one password of every demo user. */
export const DEMO_PASSWORD = "flowright-demo";

export const DEMO_USERS = [
  { email: "developer@flowright.dev", firstName: "Alex", lastName: "Developer", systemRole: SystemRole.DEVELOPER, label: "Developer" },
  { email: "admin@acme.com", firstName: "Sarah", lastName: "Admin", systemRole: SystemRole.ADMIN, label: "Admin" },
  { email: "manager@acme.com", firstName: "Mike", lastName: "Manager", systemRole: SystemRole.MANAGER, label: "Manager" },
  { email: "finance@acme.com", firstName: "Fiona", lastName: "Finance", systemRole: SystemRole.MANAGER, label: "Finance" },
  { email: "employee@acme.com", firstName: "Emma", lastName: "Employee", systemRole: SystemRole.EMPLOYEE, label: "Employee" },
  { email: "employee2@acme.com", firstName: "Evan", lastName: "Employee", systemRole: SystemRole.EMPLOYEE, label: "Employee" },
] as const;

type DemoEmail = (typeof DEMO_USERS)[number]["email"];

/** Lines listing the demo logins, for scripts to print. */
export function demoLoginLines(): string[] {
  const width = Math.max(...DEMO_USERS.map((user) => user.email.length));
  return [
    ...DEMO_USERS.map((user) => `  ${user.email.padEnd(width)}  ${user.label}`),
    `  password for all: ${DEMO_PASSWORD}`,
  ];
}

const CATEGORIES = EXPENSE_CATEGORIES;
const EXPENSE_FORM = SEED_EXPENSE_FORM;

const MANAGER_PERMISSIONS = ["instances.view", "instances.approve", "tasks.view", "flows.view", "users.view", "departments.view"];
const FINANCE_PERMISSIONS = [...MANAGER_PERMISSIONS, "records.view", "datasets.view"];

// Any fixed number: it only serialises concurrent seeders on the same database.
const SEED_LOCK_KEY = 7_310_455_001;

/**
 * Seeds the demo company when the database has no company at all; otherwise does nothing.
 * Everything is written in one transaction, so a failed seed leaves nothing behind.
 */
export async function seedDemoIfEmpty(db: PrismaClient): Promise<{ seeded: boolean }> {
  if ((await db.company.count()) > 0) return { seeded: false };
  // argon2 is slow on purpose: hash once, outside the transaction, and share the hash.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.$transaction(
    async (tx) => {
      // Two seeders racing past the check above: the second waits here, then sees the company.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`;
      if ((await tx.company.count()) > 0) return { seeded: false };
      await createDemoCompany(tx, passwordHash);
      return { seeded: true };
    },
    { timeout: 60_000 },
  );
}

async function createDemoCompany(tx: Tx, passwordHash: string): Promise<void> {
  const now = new Date();
  const company = await tx.company.create({
    data: { name: "Acme Corporation", slug: "acme", domain: "acme.com", primaryColor: "#2563EB", secondaryColor: "#0F172A" },
  });
  const companyId = company.id;

  const engineering = await tx.department.create({
    data: { companyId, name: "Engineering", description: "Builds and runs Acme's products" },
  });
  const finance = await tx.department.create({
    data: { companyId, name: "Finance", description: "Budgets, spending and payments" },
  });
  const managerRole = await tx.role.create({
    data: { companyId, name: "Manager", description: "Approves their team's requests", departmentId: engineering.id, permissions: MANAGER_PERMISSIONS },
  });
  const financeRole = await tx.role.create({
    data: { companyId, name: "Finance", description: "Approves spending", departmentId: finance.id, permissions: FINANCE_PERMISSIONS },
  });

  // Users in DEMO_USERS order, so that managers exist before their reports.
  const placement: Record<DemoEmail, { departmentId?: string; managerEmail?: DemoEmail; roleId?: string }> = {
    "developer@flowright.dev": {},
    "admin@acme.com": {},
    "manager@acme.com": { departmentId: engineering.id, roleId: managerRole.id },
    "finance@acme.com": { departmentId: finance.id, roleId: financeRole.id },
    "employee@acme.com": { departmentId: engineering.id, managerEmail: "manager@acme.com" },
    "employee2@acme.com": { departmentId: engineering.id, managerEmail: "manager@acme.com" },
  };
  const ids = {} as Record<DemoEmail, string>;
  for (const { label: _label, ...person } of DEMO_USERS) {
    const { departmentId, managerEmail, roleId } = placement[person.email];
    const user = await tx.user.create({
      data: { ...person, companyId, passwordHash, departmentId, managerId: managerEmail ? ids[managerEmail] : undefined },
    });
    ids[person.email] = user.id;
    if (roleId) await tx.userRole.create({ data: { userId: user.id, roleId, companyId } });
  }
  await tx.department.update({ where: { id: engineering.id }, data: { headId: ids["manager@acme.com"] } });
  await tx.department.update({ where: { id: finance.id }, data: { headId: ids["finance@acme.com"] } });

  const developerId = ids["developer@flowright.dev"];
  const task = await tx.task.create({
    data: {
      companyId,
      name: "Expense Approval Form",
      description: "Submit an expense for approval",
      status: TaskStatus.PUBLISHED,
      standalone: true,
      publishedAt: now,
      createdById: developerId,
    },
  });
  // A published version can never be updated (trigger), so it is inserted complete.
  const taskVersion = await tx.taskVersion.create({
    data: {
      companyId,
      taskId: task.id,
      number: 1,
      state: VersionState.PUBLISHED,
      definition: EXPENSE_FORM,
      changeNote: "Initial version",
      publishedAt: now,
      publishedById: developerId,
    },
  });

  await createExpenseFlow(tx, { companyId, developerId, taskVersionId: taskVersion.id, managerRoleId: managerRole.id, financeRoleId: financeRole.id, now });

  await tx.emailTemplate.create({
    data: {
      companyId,
      key: "high_value_expense",
      name: "High Value Expense Alert",
      subject: "High-value expense requires your review",
      bodyHtml: [
        "<p>Hello,</p>",
        "<p>A high-value expense request has been submitted:</p>",
        "<ul>",
        "  <li><strong>Employee:</strong> {{employee_name}}</li>",
        "  <li><strong>Amount:</strong> ${{amount}}</li>",
        "  <li><strong>Category:</strong> {{category}}</li>",
        "</ul>",
        '<p>Please review it: <a href="{{link_to_task}}">{{link_to_task}}</a></p>',
      ].join("\n"),
      bodyText: [
        "Hello,",
        "",
        "A high-value expense request has been submitted:",
        "",
        "Employee: {{employee_name}}",
        "Amount: ${{amount}}",
        "Category: {{category}}",
        "",
        "Please review it at: {{link_to_task}}",
      ].join("\n"),
      variables: ["employee_name", "amount", "category", "link_to_task"],
    },
  });
  await tx.trigger.create({
    data: {
      companyId,
      name: "High-Value Alert",
      description: "Alert the CFO for expenses over 10,000",
      eventType: EventType.TASK_COMPLETED,
      taskId: task.id,
      conditions: { source: "amount > 10000" },
      actions: [{ type: "send_email", config: { to: ["cfo@acme.com"], template: "high_value_expense" } }],
      settings: { stopOnFailure: true },
    },
  });
  await tx.dataset.create({
    data: {
      companyId,
      name: "Expense categories",
      description: "The categories an expense can be filed under",
      category: "Finance",
      status: DatasetStatus.PUBLISHED,
      publishedAt: now,
      sections: [{ key: "categories", title: "Expense categories", items: CATEGORIES }],
    },
  });
  await tx.auditLog.create({
    data: {
      companyId,
      actorType: ActorType.SYSTEM,
      action: "company.seeded",
      entity: "Company",
      entityId: companyId,
      metadata: { source: "demo seed" },
    },
  });
}

/**
 * The 3-level expense approval flow. Its version is built as a DRAFT and published last: triggers
 * refuse any insert or change of levels, branches, assignees and level tasks of a published version.
 */
async function createExpenseFlow(
  tx: Tx,
  input: { companyId: string; developerId: string; taskVersionId: string; managerRoleId: string; financeRoleId: string; now: Date },
): Promise<void> {
  const { companyId, developerId, now } = input;
  const flow = await tx.flow.create({
    data: {
      companyId,
      name: "Expense Approval Workflow",
      description: "3-level expense approval process",
      status: FlowStatus.PUBLISHED,
      publishedAt: now,
      createdById: developerId,
    },
  });
  const version = await tx.flowVersion.create({
    data: { companyId, flowId: flow.id, number: 1, state: VersionState.DRAFT, changeNote: "Initial version" },
  });
  const flowVersionId = version.id;
  const decide: TLevelAction[] = ["approve", "reject", "send_back"];
  const level = (order: number, name: string, settings: Partial<TFlowLevel>): TFlowLevel => ({
    id: newId(),
    name,
    order,
    approvalMode: "ANY",
    requiredApprovals: 1,
    allowedActions: decide,
    allowSelfApproval: false,
    assignees: [],
    taskVersionIds: [],
    ...settings,
  });
  const submission = level(1, "Employee Submission", { allowedActions: ["submit"], assignees: [{ kind: "INITIATOR" }], taskVersionIds: [input.taskVersionId] });
  const managerReview = level(2, "Manager Review", { dueInHours: 48, assignees: [{ kind: "ROLE", roleId: input.managerRoleId }, { kind: "INITIATOR_MANAGER" }] });
  const financeApproval = level(3, "Finance Approval", { dueInHours: 72, assignees: [{ kind: "ROLE", roleId: input.financeRoleId }] });
  const branch = (fromLevelId: string, name: string, to: { target: "LEVEL"; toLevelId: string } | { target: "COMPLETE" }, priority: number, condition: string | null) => ({
    id: newId(),
    name,
    fromLevelId,
    target: to.target,
    toLevelId: to.target === "LEVEL" ? to.toLevelId : null,
    condition,
    isDefault: condition === null,
    priority,
  });
  await writeFlowVersionParts(tx, {
    companyId,
    flowVersionId,
    definition: {
      schemaVersion: FLOW_SCHEMA_VERSION,
      levels: [submission, managerReview, financeApproval],
      branches: [
        branch(submission.id, "To manager", { target: "LEVEL", toLevelId: managerReview.id }, 0, null),
        branch(managerReview.id, "Finance review (≥ 1,000)", { target: "LEVEL", toLevelId: financeApproval.id }, 0, "amount >= 1000"),
        branch(managerReview.id, "Under 1,000: done", { target: "COMPLETE" }, 1, null),
        branch(financeApproval.id, "Approved", { target: "COMPLETE" }, 0, null),
      ],
    },
  });

  // Designer positions: one column, 250 px apart.
  const layout = { nodes: Object.fromEntries([submission, managerReview, financeApproval].map((level, i) => [level.id, { x: 0, y: i * 250 }])) };
  await tx.flowVersion.update({
    where: { id: flowVersionId },
    data: { layout, state: VersionState.PUBLISHED, publishedAt: now, publishedById: developerId },
  });
}
