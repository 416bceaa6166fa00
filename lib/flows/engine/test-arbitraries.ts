// fast-check generators for the engine's property tests: random valid flow definitions (random level
// graphs, loops included, with random conditions over a few typed fields), random people, and random
// event scripts that the test turns into events against the state of the moment.
import fc from "fast-check";
import { t, type TypeEnv } from "@/lib/expressions/types";
import { LEVEL_ACTIONS, ZFlowDefinition, type TAssignee, type TFlowBranch, type TFlowDefinition, type TFlowLevel } from "../definition";
import type { Actor, JsonObject } from "./types";

export const FIELD_TYPES: TypeEnv = {
  amount: t.number,
  category: t.options(["a", "b", "c"]),
  urgent: t.boolean,
  note: t.string,
};

const atom = fc.oneof(
  fc.tuple(fc.constantFrom(">=", "<", "==", "!="), fc.integer({ min: 0, max: 2000 })).map(([op, k]) => `amount ${op} ${k}`),
  fc.constantFrom('category == "a"', 'category in ["a", "b"]', "urgent", "not urgent", 'note contains "x"', "is_empty(note)"),
  fc.constantFrom('initiator.departmentId == "d1"', '"r1" in initiator.roleIds', "true", "false"),
);
/** Conditions in the expression language over FIELD_TYPES and the initiator's attributes. */
export const condition: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: atom },
  { weight: 1, arbitrary: fc.tuple(atom, fc.constantFrom("and", "or"), atom).map(([a, op, b]) => `${a} ${op} (${b})`) },
);

const ASSIGNEE_POOL: TAssignee[] = [
  { kind: "INITIATOR" },
  { kind: "INITIATOR_MANAGER" },
  { kind: "ROLE", roleId: "r1" },
  { kind: "ROLE", roleId: "r2" },
  { kind: "DEPARTMENT", departmentId: "d1" },
  { kind: "USER", userId: "u3" },
];

const levelSettings = fc.record({
  approvalMode: fc.constantFrom("ANY" as const, "ANY" as const, "ALL" as const, "AT_LEAST" as const),
  requiredApprovals: fc.integer({ min: 1, max: 3 }),
  allowedActions: fc.subarray([...LEVEL_ACTIONS], { minLength: 1 }),
  allowSelfApproval: fc.boolean(),
  assignees: fc.subarray(ASSIGNEE_POOL, { minLength: 1 }),
  hasForm: fc.boolean(),
  dueInHours: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
  reminderBeforeHours: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
  escalation: fc.option(fc.constantFrom({ to: "role" as const, roleId: "r2" }, { to: "initiator_manager" as const }), { nil: undefined }),
});

const branchSketch = fc.record({
  target: fc.constantFrom("LEVEL", "LEVEL", "COMPLETE", "REJECT") as fc.Arbitrary<"LEVEL" | "COMPLETE" | "REJECT">,
  toIndex: fc.nat(),
  condition,
});

/** A schema-valid definition of 1–5 levels; branches may loop, skip, or end the flow. */
export const flowDefinition: fc.Arbitrary<TFlowDefinition> = fc.integer({ min: 1, max: 5 }).chain((count) =>
  fc
    .record({
      orders: fc.uniqueArray(fc.integer({ min: -10, max: 30 }), { minLength: count, maxLength: count }),
      settings: fc.array(levelSettings, { minLength: count, maxLength: count }),
      branches: fc.array(fc.array(branchSketch, { maxLength: 3 }), { minLength: count, maxLength: count }),
      defaults: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: count, maxLength: count }),
    })
    .map(({ orders, settings, branches, defaults }) => {
      const ids = orders.map((_, i) => `L${i}`);
      const levels: TFlowLevel[] = settings.map(({ hasForm, dueInHours, reminderBeforeHours, escalation, ...rest }, i) => ({
        id: ids[i],
        name: `Level ${i}`,
        order: orders[i],
        ...rest,
        ...(dueInHours !== undefined ? { dueInHours } : {}),
        ...(dueInHours !== undefined && reminderBeforeHours !== undefined ? { reminderBeforeHours } : {}),
        ...(dueInHours !== undefined && escalation !== undefined ? { escalation } : {}),
        taskVersionIds: hasForm ? [`tv-${i}`] : [],
      }));
      const flowBranches: TFlowBranch[] = branches.flatMap((sketches, from) =>
        sketches.map((sketch, j) => {
          const isDefault = defaults[from] === j;
          const toLevelId = sketch.target === "LEVEL" ? ids[sketch.toIndex % count] : null;
          return {
            id: `B${from}.${j}`,
            name: `Branch ${from}.${j}`,
            fromLevelId: ids[from],
            target: sketch.target,
            toLevelId,
            condition: isDefault ? null : sketch.condition,
            isDefault,
            priority: j,
          };
        }),
      );
      return ZFlowDefinition.parse({ schemaVersion: 1, levels, branches: flowBranches });
    }),
);

export type Person = { id: string; roles: string[]; department: string; isAdmin: boolean };

/** Six people with random roles and departments; u3 is named by USER assignees. */
export const people: fc.Arbitrary<Person[]> = fc.array(
  fc.record({ roles: fc.subarray(["r1", "r2"]), department: fc.constantFrom("d1", "d2"), isAdmin: fc.boolean() }),
  { minLength: 6, maxLength: 6 },
).map((rows) => rows.map((row, i) => ({ id: `u${i}`, ...row })));

export const actorOf = (person: Person, managerId: string | null): Actor => ({
  userId: person.id,
  principals: [`u:${person.id}`, ...person.roles.map((role) => `r:${role}`), `d:${person.department}`],
  isInitiatorManager: person.id === managerId,
  isAdmin: person.isAdmin,
});

const data: fc.Arbitrary<JsonObject> = fc.record(
  {
    amount: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constantFrom("1500.00", "12", null)),
    category: fc.constantFrom("a", "b", "c", "d"),
    urgent: fc.boolean(),
    note: fc.constantFrom("", "x", "fix it", "xyz"),
  },
  { requiredKeys: [] },
);

export type Command = {
  kind: "start" | "submit" | "approve" | "reject" | "send_back" | "request_changes" | "cancel" | "timer_fired" | "reassign";
  /** Pick an actor who currently holds the level (when there is one), else `pick` among everyone. */
  eligible: boolean;
  pick: number;
  levelPick: number;
  reason: string;
  data: JsonObject | null;
  timerKind: "reminder" | "escalation";
  visitDelta: -1 | 0 | null;
};

export const command: fc.Arbitrary<Command> = fc.record({
  // Weighted towards moving forward, so that instances travel through several levels before ending.
  kind: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom("submit" as const, "approve" as const) },
    { weight: 1, arbitrary: fc.constantFrom("send_back" as const, "request_changes" as const, "timer_fired" as const, "reassign" as const) },
    { weight: 1, arbitrary: fc.constantFrom("reject" as const, "cancel" as const, "start" as const, "timer_fired" as const) },
  ),
  eligible: fc.oneof(fc.constant(true), fc.constant(true), fc.boolean()),
  pick: fc.nat(),
  levelPick: fc.nat(),
  reason: fc.constantFrom("", "  ", "because"),
  data: fc.option(data, { nil: null }),
  timerKind: fc.constantFrom("reminder" as const, "escalation" as const),
  visitDelta: fc.constantFrom(-1 as const, 0 as const, null),
});
