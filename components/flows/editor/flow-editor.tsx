"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useCallback, useMemo, useState } from "react";
import { get, useForm, useWatch, type FieldError } from "react-hook-form";
import type { TFlowBranch, TFlowLevel } from "@/lib/flows/definition";
import { checkOptionsFor, conditionFieldsByLevel, type EditorOptions } from "@/lib/flows/editor/fields";
import { addBranch, addLevel, moveLevel, newBranch, newLevel, removeBranch, removeLevel, updateBranch, updateLevel } from "@/lib/flows/editor/operations";
import { blocksPublish, checkDraft, problemTarget, type LocatedProblem } from "@/lib/flows/editor/problems";
import { ZFlowDraft, type TFlowDraft } from "@/lib/flows/editor/schema";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SimulateSidebar } from "@/components/flows/simulate/simulate-sidebar";
import { BranchesTable } from "./branches-table";
import { LevelCard } from "./level-card";
import { ProblemsPanel } from "./problems-panel";
import { PublishDialog } from "./publish-dialog";
import { SaveStatus } from "./save-status";
import { useAssigneeCoverage } from "./use-assignee-coverage";
import { useAutosave } from "./use-autosave";

// The structured flow editor: levels as expandable cards, branches as a table, the live problems
// panel, autosave and publish. The draft lives in react-hook-form (validated by the same zod schema
// as the server) and every edit is one of the pure operations in lib/flows/editor/operations.ts.

type Props = {
  flowId: string;
  draft: { number: number; revision: number; definition: TFlowDraft };
  options: EditorOptions;
  canPublish: boolean;
};

export function FlowEditor({ flowId, draft, options, canPublish }: Props) {
  const form = useForm<TFlowDraft>({ resolver: zodResolver(ZFlowDraft, undefined, { raw: true }), defaultValues: draft.definition, mode: "onChange" });
  const definition = useWatch({ control: form.control }) as TFlowDraft;
  const { errors } = form.formState;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(draft.definition.levels.length <= 3 ? draft.definition.levels.map((level) => level.id) : []));

  const autosave = useAutosave({
    flowId,
    revision: draft.revision,
    getDefinition: () => form.getValues(),
    onServerErrors: (fieldErrors) => {
      for (const [path, messages] of Object.entries(fieldErrors)) {
        const local = path.replace(/^definition\./, "");
        if (local) form.setError(local as "levels", { type: "server", message: messages[0] });
      }
    },
  });

  const apply = useCallback(
    (change: (current: TFlowDraft) => TFlowDraft) => {
      const next = change(form.getValues());
      form.setValue("levels", next.levels, { shouldDirty: true });
      form.setValue("branches", next.branches, { shouldDirty: true });
      void form.trigger();
      autosave.schedule();
    },
    [form, autosave],
  );

  const forms = useMemo(() => new Map(options.forms.map((item) => [item.taskVersionId, item])), [options.forms]);
  const labels = useMemo(() => Object.assign({}, ...options.forms.map((item) => item.labels)) as Record<string, string>, [options.forms]);
  // The live publish check: the very function publish runs, on the draft as it is now.
  const drafted = useMemo(() => checkDraft(definition, checkOptionsFor(definition, forms)), [definition, forms]);
  // Assignee coverage needs the organisation, so the server answers it (the same check publish runs).
  const coverage = useAssigneeCoverage(definition);
  const problems = useMemo(() => [...drafted, ...coverage.problems], [drafted, coverage.problems]);
  // Computed once per edit for every level, not once per branch.
  const fieldsByLevel = useMemo(() => conditionFieldsByLevel(definition, forms), [definition, forms]);
  const fieldsAt = useCallback((levelId: string) => fieldsByLevel.get(levelId) ?? {}, [fieldsByLevel]);

  const errorAt = (path: string) => (get(errors, path) as FieldError | undefined)?.message;
  // Only errors mark a level or branch red; warnings are listed in the panel.
  const problemPaths = new Set(problems.filter(blocksPublish).map((problem) => problem.path.replace(/\..*$/, "")));

  const toggle = (levelId: string, open?: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open ?? !next.has(levelId)) next.add(levelId);
      else next.delete(levelId);
      return next;
    });

  const focusProblem = (problem: LocatedProblem) => {
    const found = problemTarget(definition, problem.path);
    if (found?.kind === "level") toggle(found.id, true);
    const target = found ? `${found.kind}-${found.id}-${found.field ?? (found.kind === "level" ? "name" : "fromLevelId")}` : null;
    // The card may only now be rendering open: focus once it is in the page.
    requestAnimationFrame(() => {
      const element = target ? document.getElementById(target) : null;
      element?.scrollIntoView({ block: "center", behavior: "smooth" });
      element?.focus();
    });
  };

  const addNewLevel = () => {
    const level = newLevel({ name: `Level ${definition.levels.length + 1}` });
    apply((current) => addLevel(current, level));
    toggle(level.id, true);
    requestAnimationFrame(() => document.getElementById(`level-${level.id}-name`)?.focus());
  };

  const addNewBranch = (fromLevelId = definition.levels[0]?.id) => {
    if (!fromLevelId) return;
    const branch = newBranch(definition, fromLevelId);
    apply((current) => addBranch(current, branch));
    requestAnimationFrame(() => document.getElementById(`branch-${branch.id}-toLevelId`)?.focus());
  };

  const saved = autosave.state.kind === "saved";
  const publishBlocker = !saved ? "Publishing waits until every change is saved." : problems.some(blocksPublish) ? "Fix the errors listed above first." : undefined;

  // The branches table sits outside the two-column grid so the sticky side panel (which can be long
  // with warnings) scrolls within its own box and never slides over the table.
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="levels-heading" className="space-y-3">
            <div className="flex items-center justify-between gap-2">
              <h2 id="levels-heading" className="text-sm font-semibold text-slate-700">
                Levels <span className="font-normal text-slate-500">(in order: the first one starts the flow)</span>
              </h2>
              <Button type="button" variant="secondary" className="px-3 py-1.5" onClick={addNewLevel}>
                Add level
              </Button>
            </div>
            {definition.levels.length === 0 ? (
              <Card className="px-4 py-6 text-sm text-slate-500">No levels yet. Add the first one: usually the initiator filling a form.</Card>
            ) : (
              <ol className="space-y-3">
                {definition.levels.map((level: TFlowLevel, index) => (
                  <LevelCard
                    key={level.id}
                    level={level}
                    index={index}
                    count={definition.levels.length}
                    definition={definition}
                    options={options}
                    expanded={expanded.has(level.id)}
                    errorAt={(field) => errorAt(`levels.${index}.${field}`)}
                    hasProblem={problemPaths.has(`levels[${index}]`)}
                    onToggle={() => toggle(level.id)}
                    onChange={(changes) => apply((current) => updateLevel(current, level.id, changes))}
                    onMove={(direction) => apply((current) => moveLevel(current, level.id, direction))}
                    onRemove={() => apply((current) => removeLevel(current, level.id))}
                    onAddBranch={() => addNewBranch(level.id)}
                  />
                ))}
              </ol>
            )}
          </section>
        </div>
        <aside className="space-y-4 lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:self-start lg:overflow-y-auto" aria-label="Draft status">
          <Card className="space-y-3 p-4">
            <p className="text-xs uppercase tracking-wide text-slate-500">Draft v{draft.number}</p>
            <SaveStatus state={autosave.state} />
            {canPublish ? <PublishDialog flowId={flowId} disabled={Boolean(publishBlocker)} reason={publishBlocker} /> : null}
          </Card>
          <Card className="p-4">
            <ProblemsPanel
              definition={definition}
              problems={problems}
              onSelect={focusProblem}
              note={coverage.status === "checking" ? "Checking assignees against the organisation…" : coverage.status === "failed" ? "Assignees could not be checked against the organisation just now; publishing checks them again." : undefined}
            />
          </Card>
          <SimulateSidebar flowId={flowId} definition={definition} options={options} />
        </aside>
      </div>
      <div className="min-w-0">
        <BranchesTable
          definition={definition}
          fieldsAt={fieldsAt}
          labels={labels}
          errorAt={(index, field) => errorAt(`branches.${index}.${field}`)}
          problemAt={(index) => problemPaths.has(`branches[${index}]`)}
          onAdd={() => addNewBranch()}
          onChange={(branchId: string, changes: Partial<Omit<TFlowBranch, "id">>) => apply((current) => updateBranch(current, branchId, changes))}
          onRemove={(branchId) => apply((current) => removeBranch(current, branchId))}
        />
      </div>
    </div>
  );
}
