"use client";

import { DndContext, DragOverlay } from "@dnd-kit/core";
import Link from "next/link";
import { useCallback, useDeferredValue, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { TRendererContext } from "@/components/forms/renderer/types";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { conditionFieldsFor } from "@/lib/forms/builder/condition-fields";
import { canRedo, canUndo, historyReducer, initialHistory } from "@/lib/forms/builder/history";
import { keysOf } from "@/lib/forms/builder/keys";
import { deleteField, duplicateField, findField, insertField, locateField, moveField, nudgeField, relabelField, replaceField } from "@/lib/forms/builder/operations";
import { createField, createSubField, SUB_FIELD_TYPES, typeLabel } from "@/lib/forms/builder/palette";
import { issuesToErrors, problemsOf, type TProblem } from "@/lib/forms/builder/problems";
import { renameKeyReferences } from "@/lib/forms/builder/rename-key";
import { parseFormDefinition, ZPublishableForm, type TFormDefinition } from "@/lib/forms/definition";
import type { TField, TFieldType, TSubField } from "@/lib/forms/field-types";
import { BuilderPreview } from "./builder-preview";
import { ConflictDialog } from "./conflict-dialog";
import { FieldPalette } from "./field-palette";
import { FieldProperties } from "./field-properties";
import { FormCanvas } from "./form-canvas";
import { ProblemsPanel } from "./problems-panel";
import { PublishButton } from "./publish-dialog";
import { SaveStatus } from "./save-status";
import { useBuilderDnd, type TDropTarget } from "./use-builder-dnd";
import { useDraftAutosave } from "./use-draft-autosave";

// The form builder: palette → canvas → property panel, with a live preview tab. The draft
// definition lives in an undo history; every change is checked with the same parse the server runs
// (problems show on the fields) and autosaved with compare-and-set.

type AnyField = TField | TSubField;

export type TFormBuilderProps = {
  taskId: string;
  formName: string;
  versionNumber: number;
  initialDefinition: TFormDefinition;
  revision: number;
  savedAt: string;
  publishedKeys: string[];
  canPublish: boolean;
  context: TRendererContext;
};

export function FormBuilder({ taskId, formName, versionNumber, initialDefinition, revision, savedAt, publishedKeys, canPublish, context }: TFormBuilderProps) {
  const [history, dispatch] = useReducer(historyReducer<TFormDefinition>, initialDefinition, initialHistory);
  const definition = history.present;
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  // Fields still being named right after creation: their key follows the label until it is left.
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [session, setSession] = useState(0);
  const [tab, setTab] = useState<"properties" | "preview">("properties");
  const [announcement, setAnnouncement] = useState("");
  const frozen = useMemo(() => new Set(publishedKeys), [publishedKeys]);

  const change = useCallback((next: TFormDefinition, coalesce?: string) => dispatch({ type: "change", next, coalesce }), []);
  const onReload = useCallback((stored: TFormDefinition) => {
    dispatch({ type: "reset", present: stored });
    setSelectedKey(null);
    setFresh(new Set());
  }, []);
  const autosave = useDraftAutosave({ taskId, definition, revision, savedAt: useMemo(() => new Date(savedAt), [savedAt]), onReload });

  // The same parse the server runs on save: problems appear as you edit, not only after a save.
  // Deferred, so typing stays quick on big forms while the check catches up.
  const checked = useDeferredValue(definition);
  const parsed = useMemo(() => parseFormDefinition(checked), [checked]);
  const lastValid = useRef<TFormDefinition | null>(parsed.ok ? parsed.definition : null);
  if (parsed.ok) lastValid.current = parsed.definition;
  const problems = useMemo(() => {
    const found: TProblem[] = parsed.ok ? [] : problemsOf(issuesToErrors(parsed.issues), checked);
    if (autosave.serverErrors) found.push(...problemsOf(autosave.serverErrors.errors, autosave.serverErrors.definition));
    const seen = new Set<string>();
    return found.filter((problem) => {
      const id = `${problem.fieldKey}|${problem.property}|${problem.message}`;
      return seen.has(id) ? false : (seen.add(id), true);
    });
  }, [parsed, checked, autosave.serverErrors]);
  const publishProblems = useMemo(() => {
    if (!parsed.ok) return [];
    const result = ZPublishableForm.safeParse(checked);
    return result.success ? [] : problemsOf(issuesToErrors(result.error.issues), checked);
  }, [parsed, checked]);
  const problemCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const problem of problems) if (problem.fieldKey) counts.set(problem.fieldKey, (counts.get(problem.fieldKey) ?? 0) + 1);
    return counts;
  }, [problems]);
  const labelOf = useCallback((key: string | null) => (key ? (findField(definition, key)?.label || key) : "Form"), [definition]);

  const select = useCallback((key: string | null) => {
    setSelectedKey(key);
    setSession((value) => value + 1);
    setFresh((current) => (current.size === 0 ? current : new Set()));
    dispatch({ type: "checkpoint" });
  }, []);

  const added = (next: TFormDefinition, key: string) => {
    change(next);
    setSelectedKey(key);
    setSession((value) => value + 1);
    setFresh(new Set([key]));
    setTab("properties");
    setAnnouncement(`${typeLabel(findField(next, key)?.type ?? "")} field added`);
  };

  const addField = (type: TFieldType) => {
    const field = createField(type, keysOf(definition.fields));
    const at = selectedKey ? locateField(definition, selectedKey) : null;
    const topIndex = at ? (at.container === null ? at.index : definition.fields.findIndex((candidate) => candidate.key === at.container)) : -1;
    added(insertField(definition, field, { index: topIndex >= 0 ? topIndex + 1 : definition.fields.length }), field.key);
  };

  const dropNew = (type: TFieldType, target: TDropTarget) => {
    const taken = keysOf(definition.fields);
    if (target.kind === "group" && (SUB_FIELD_TYPES as readonly string[]).includes(type)) {
      const group = findField(definition, target.group);
      const sub = createSubField(type as TSubField["type"], taken);
      added(insertField(definition, sub, { container: target.group, index: group?.type === "repeating_group" ? group.fields.length : 0 }), sub.key);
      return;
    }
    const field = createField(type, taken);
    let index = definition.fields.length;
    if (target.kind === "field") index = definition.fields.findIndex((candidate) => candidate.key === target.key) + (target.after ? 1 : 0);
    if (target.kind === "group") index = definition.fields.findIndex((candidate) => candidate.key === target.group) + 1;
    added(insertField(definition, field, { index }), field.key);
  };

  const dnd = useBuilderDnd({
    onDropNew: dropNew,
    onReorder: (key, overKey) => {
      const over = locateField(definition, overKey);
      if (over) change(moveField(definition, key, over.index));
    },
  });

  const actions = {
    onSelect: (key: string) => (key === selectedKey ? undefined : select(key)),
    onMove: (key: string, by: -1 | 1) => change(nudgeField(definition, key, by)),
    onDuplicate: (key: string) => {
      const copy = duplicateField(definition, key);
      if (copy.key) {
        change(copy.definition);
        select(copy.key);
        setAnnouncement(`${labelOf(key)} duplicated`);
      }
    },
    onDelete: (key: string) => {
      setAnnouncement(`${labelOf(key)} deleted`);
      change(deleteField(definition, key));
      if (selectedKey === key || findField(definition, key)?.type === "repeating_group") setSelectedKey(null);
    },
    onAddSub: (groupKey: string, type: TSubField["type"]) => {
      const group = findField(definition, groupKey);
      const sub = createSubField(type, keysOf(definition.fields));
      added(insertField(definition, sub, { container: groupKey, index: group?.type === "repeating_group" ? group.fields.length : 0 }), sub.key);
    },
  };

  // Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo — over the whole draft, also inside inputs
  // (they are controlled by the draft, so the browser's own per-input undo would fight it).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === "z" && !event.shiftKey) {
        event.preventDefault();
        dispatch({ type: "undo" });
      } else if ((key === "z" && event.shiftKey) || key === "y") {
        event.preventDefault();
        dispatch({ type: "redo" });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const selected = selectedKey ? findField(definition, selectedKey) : null;
  const conditionFields = useMemo(() => conditionFieldsFor(definition, selectedKey), [definition, selectedKey]);
  const env = useMemo(() => Object.fromEntries(conditionFields.map((field) => [field.key, field.type])), [conditionFields]);

  const update = (next: AnyField, tag?: string) => {
    if (selectedKey) change(replaceField(definition, selectedKey, next), tag);
  };
  const onLabel = (label: string) => {
    if (!selectedKey) return;
    const result = relabelField(definition, selectedKey, label, { followKey: fresh.has(selectedKey) && !frozen.has(selectedKey) });
    change(result.definition, `label:${session}`);
    if (result.key !== selectedKey) {
      setSelectedKey(result.key);
      setFresh(new Set([result.key]));
    }
  };
  const onLabelDone = () => {
    setFresh(new Set());
    dispatch({ type: "checkpoint" });
  };
  const onRenameKey = (key: string) => {
    if (!selected || !selectedKey) return;
    change(renameKeyReferences(replaceField(definition, selectedKey, { ...selected, key } as AnyField), selectedKey, key));
    setSelectedKey(key);
    setFresh(new Set());
  };

  const tabClass = (active: boolean) => `flex-1 rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold text-slate-900">{formName}</h1>
          <p className="text-sm text-slate-500">
            Draft of version {versionNumber} ·{" "}
            <Link href={`/forms/${taskId}`} className="text-brand hover:underline">
              Versions and submissions
            </Link>
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <SaveStatus autosave={autosave} problemCount={problems.length} />
          <Button type="button" variant="secondary" className="px-3" onClick={() => dispatch({ type: "undo" })} disabled={!canUndo(history)} title="Undo (Ctrl+Z)">
            Undo
          </Button>
          <Button type="button" variant="secondary" className="px-3" onClick={() => dispatch({ type: "redo" })} disabled={!canRedo(history)} title="Redo (Ctrl+Shift+Z)">
            Redo
          </Button>
          {canPublish ? <PublishButton taskId={taskId} versionNumber={versionNumber} definition={definition} autosave={autosave} labelOf={labelOf} onProblems={(found) => found[0]?.fieldKey && select(found[0].fieldKey)} /> : null}
        </div>
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      <ProblemsPanel problems={problems} publishProblems={publishProblems} labelOf={labelOf} onSelect={(key) => (select(key), setTab("properties"))} />

      <DndContext {...dnd.context}>
        <div className="grid gap-4 lg:grid-cols-[11rem_minmax(0,1fr)_minmax(0,22rem)] xl:grid-cols-[12rem_minmax(0,1fr)_26rem]">
          <Card className="h-fit p-3 lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:overflow-y-auto">
            <h2 className="mb-2 text-sm font-semibold text-slate-700">Fields</h2>
            <FieldPalette onAdd={addField} addHint={selected ? `after “${selected.label || selected.key}”` : "at the end"} />
          </Card>
          <Card className="min-h-[24rem] p-3">
            <h2 className="mb-2 text-sm font-semibold text-slate-700">Form</h2>
            <FormCanvas definition={definition} selectedKey={selectedKey} problemCounts={problemCounts} drop={dnd.drop} {...actions} />
          </Card>
          <Card className="h-fit p-3">
            <div role="tablist" aria-label="Side panel" className="mb-3 flex gap-1 rounded-lg bg-slate-100 p-1">
              <button type="button" role="tab" id="tab-properties" aria-controls="panel-properties" aria-selected={tab === "properties"} className={tabClass(tab === "properties")} onClick={() => setTab("properties")}>
                Properties
              </button>
              <button type="button" role="tab" id="tab-preview" aria-controls="panel-preview" aria-selected={tab === "preview"} className={tabClass(tab === "preview")} onClick={() => setTab("preview")}>
                Preview
              </button>
            </div>
            <div role="tabpanel" id="panel-properties" aria-labelledby="tab-properties" hidden={tab !== "properties"}>
              {selected && selectedKey ? (
                <FieldProperties
                  key={`${session}`}
                  field={selected}
                  update={update}
                  onLabel={onLabel}
                  onLabelDone={onLabelDone}
                  onRenameKey={onRenameKey}
                  takenKeys={keysOf(definition.fields)}
                  keyFrozen={frozen.has(selectedKey)}
                  problems={problems.filter((problem) => problem.fieldKey === selectedKey)}
                  conditionFields={conditionFields}
                  env={env}
                />
              ) : (
                <p className="text-sm text-slate-500">Select a field on the form to edit its label, validation and conditions.</p>
              )}
            </div>
            <div role="tabpanel" id="panel-preview" aria-labelledby="tab-preview" hidden={tab !== "preview"}>
              <BuilderPreview taskId={taskId} definition={lastValid.current} stale={!parsed.ok} context={context} />
            </div>
          </Card>
        </div>
        <DragOverlay dropAnimation={null}>
          {dnd.dragging?.kind === "palette" ? <div className="rounded-md border border-brand bg-white px-3 py-1.5 text-sm font-medium text-brand shadow-lg">+ {typeLabel(dnd.dragging.type)}</div> : null}
        </DragOverlay>
      </DndContext>
      <ConflictDialog autosave={autosave} />
    </div>
  );
}
