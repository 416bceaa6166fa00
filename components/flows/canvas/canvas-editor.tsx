"use client";

import type { Viewport } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { autoLayout, placeNewLevel, resolvePositions } from "@/lib/flows/canvas/auto-layout";
import { copySelection, pasteClip, type Clip } from "@/lib/flows/canvas/clipboard";
import { connect, deleteElements, reconnect, setStartLevel } from "@/lib/flows/canvas/edit";
import { definitionToCanvas, levelsInOrder } from "@/lib/flows/canvas/graph";
import type { TFlowLayout, TPoint } from "@/lib/flows/canvas/layout";
import { checkOptionsFor, conditionFieldsAt, type EditorOptions } from "@/lib/flows/editor/fields";
import { addLevel, newLevel, removeBranch, removeLevel, updateBranch, updateLevel } from "@/lib/flows/editor/operations";
import { blocksPublish, checkDraft, problemTarget, type LocatedProblem } from "@/lib/flows/editor/problems";
import type { TFlowDraft } from "@/lib/flows/editor/schema";
import { ProblemsPanel } from "@/components/flows/editor/problems-panel";
import { PublishDialog } from "@/components/flows/editor/publish-dialog";
import { SaveStatus } from "@/components/flows/editor/save-status";
import { useAssigneeCoverage } from "@/components/flows/editor/use-assignee-coverage";
import { useAutosave } from "@/components/flows/editor/use-autosave";
import { SimulateSidebar } from "@/components/flows/simulate/simulate-sidebar";
import { BranchPanel } from "./branch-panel";
import type { CanvasHighlight } from "./canvas-elements";
import { CanvasToolbar } from "./canvas-toolbar";
import { FlowCanvas, type SelectRequest } from "./flow-canvas";
import { LevelPanel } from "./level-panel";
import { useCanvasHistory } from "./use-canvas-history";
import { useCanvasKeys } from "./use-canvas-keys";
import { useDraftErrors, useLevelFacts } from "./use-level-facts";

// The canvas designer of a flow draft: the canvas, a toolbar (undo/redo, auto-layout, snap, save
// state, publish), and a right column with the selected level's or branch's panel, the live problems,
// the simulation (whose path lights up on the canvas) and the golden cases. Every edit is a pure operation on the one definition;
// positions and viewport are saved with it.

type Props = {
  flowId: string;
  draft: { number: number; revision: number; definition: TFlowDraft; layout: TFlowLayout };
  options: EditorOptions;
  canPublish: boolean;
  /** A path to light up from outside; the canvas's own simulation lights its path up otherwise. */
  highlight?: CanvasHighlight | null;
};

function focusWhenRendered(id: string, tries = 20) {
  const element = document.getElementById(id);
  if (element) {
    element.scrollIntoView({ block: "center", behavior: "smooth" });
    element.focus();
  } else if (tries > 0) setTimeout(() => focusWhenRendered(id, tries - 1), 30);
}

type Selected = { kind: "level" | "branch"; id: string } | null;

export function CanvasEditor({ flowId, draft, options, canPublish, highlight }: Props) {
  const [simulated, setSimulated] = useState<CanvasHighlight | null>(null);
  const viewport = useRef<Viewport | undefined>(draft.layout.viewport);
  const autosave = useAutosave({
    flowId,
    revision: draft.revision,
    getDefinition: () => history.present.current.definition,
    getLayout: () => ({ nodes: history.present.current.layout.nodes, ...(viewport.current ? { viewport: viewport.current } : {}) }),
    // The server's reference check (a role or form no longer usable) points at settings by path.
    onServerErrors: (fieldErrors) => setServerErrors(Object.fromEntries(Object.entries(fieldErrors).map(([path, messages]) => [path.replace(/^definition\./, ""), messages[0] ?? ""]))),
  });
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const history = useCanvasHistory(() => ({ definition: draft.definition, layout: { nodes: resolvePositions(draft.definition, draft.layout) } }), autosave.schedule);
  const { definition, layout } = history.snapshot;
  // An edit is checked again by the next save; until then the old findings would mislead.
  useEffect(() => setServerErrors({}), [definition]);
  const [snap, setSnap] = useState(true);
  const [selected, setSelected] = useState<Selected>(null);
  const [selectRequest, setSelectRequest] = useState<SelectRequest | null>(null);
  const selection = useRef<{ nodeIds: string[]; edgeIds: string[] }>({ nodeIds: [], edgeIds: [] });
  const clipboard = useRef<Clip | null>(null);
  const select = useCallback((nodeIds: string[], edgeIds: string[], center = false) => setSelectRequest((current) => ({ nodeIds, edgeIds, center, seq: (current?.seq ?? 0) + 1 })), []);

  const forms = useMemo(() => new Map(options.forms.map((item) => [item.taskVersionId, item])), [options.forms]);
  const labels = useMemo(() => Object.assign({}, ...options.forms.map((item) => item.labels)) as Record<string, string>, [options.forms]);
  // The live publish check: the very function publish runs, on the draft as it is now.
  const drafted = useMemo(() => checkDraft(definition, checkOptionsFor(definition, forms)), [definition, forms]);
  // Assignee coverage needs the organisation, so the server answers it (the same check publish runs).
  const coverage = useAssigneeCoverage(definition);
  const problems = useMemo(() => [...drafted, ...coverage.problems], [drafted, coverage.problems]);
  // Only errors ring a node or an edge red; warnings are listed in the panel.
  const errors = useMemo(() => problems.filter(blocksPublish), [problems]);
  const errorAt = useDraftErrors(definition);
  const positions = useMemo(() => resolvePositions(definition, layout), [definition, layout]);
  const graph = useMemo(() => definitionToCanvas(definition, (id) => positions[id]!, labels), [definition, positions, labels]);
  const facts = useLevelFacts(definition, errors, options, highlight ?? simulated);

  const onSelection = useCallback((next: { nodeIds: string[]; edgeIds: string[] }) => {
    selection.current = next;
    const [node] = next.nodeIds;
    const [edge] = next.edgeIds;
    setSelected(next.nodeIds.length === 1 && next.edgeIds.length === 0 && node && !node.includes(":") && node !== "start" ? { kind: "level", id: node } : next.edgeIds.length === 1 && next.nodeIds.length === 0 && edge ? { kind: "branch", id: edge } : null);
  }, []);
  const close = () => select([], []);

  const addLevelAt = (position: TPoint | null) => {
    const level = newLevel({ name: `Level ${definition.levels.length + 1}` });
    history.apply((current) => {
      const next = addLevel(current.definition, level);
      return { definition: next, layout: { nodes: position ? { ...current.layout.nodes, [level.id]: position } : placeNewLevel(next, resolvePositions(current.definition, current.layout), level.id) } };
    });
    select([level.id], [], position === null);
  };
  const edit = (change: (current: TFlowDraft) => TFlowDraft, key?: string) => history.apply((current) => ({ ...current, definition: change(current.definition) }), key);

  const copy = () => {
    clipboard.current = copySelection(history.present.current.definition, selection.current.nodeIds, history.present.current.layout.nodes);
  };
  const paste = () => {
    const clip = clipboard.current;
    if (!clip) return;
    const current = history.present.current;
    const result = pasteClip(current.definition, clip);
    history.apply(() => ({ definition: result.definition, layout: { nodes: { ...current.layout.nodes, ...result.positions } } }));
    // The next paste lands further along, not on top of this one.
    clipboard.current = { ...clip, positions: Object.fromEntries(Object.entries(clip.positions).map(([id, at]) => [id, { x: at.x + 40, y: at.y + 40 }])) };
    select(result.levelIds, []);
  };
  useCanvasKeys({
    undo: history.undo,
    redo: history.redo,
    copy,
    paste,
    remove: () => {
      const { nodeIds, edgeIds } = selection.current;
      if (nodeIds.length + edgeIds.length === 0) return;
      edit((current) => deleteElements(current, { nodeIds, edgeIds }));
    },
  });

  const focusProblem = (problem: LocatedProblem) => {
    const target = problemTarget(definition, problem.path);
    if (!target) return;
    select(target.kind === "level" ? [target.id] : [], target.kind === "branch" ? [target.id] : [], true);
    // The panel opens a render or two later; then the setting the problem is about takes focus.
    if (target.field) focusWhenRendered(`${target.kind}-${target.id}-${target.field}`);
  };

  const selectedLevel = selected?.kind === "level" ? definition.levels.find((level) => level.id === selected.id) : undefined;
  const selectedBranch = selected?.kind === "branch" ? definition.branches.find((branch) => branch.id === selected.id) : undefined;
  const levelIndex = selectedLevel ? definition.levels.indexOf(selectedLevel) : -1;
  const saved = autosave.state.kind === "saved";
  // Unsaved work blocks publishing too; the save state beside the button already says so.
  const publishBlocker = errors.length > 0 ? "Fix the errors first." : !saved ? "" : undefined;

  useEffect(() => {
    // A deleted or undone-away element closes its panel.
    if (selected && !selectedLevel && !selectedBranch) setSelected(null);
  }, [selected, selectedLevel, selectedBranch]);

  return (
    <div className="space-y-3">
      <CanvasToolbar
        canUndo={history.canUndo}
        canRedo={history.canRedo}
        snap={snap}
        onUndo={history.undo}
        onRedo={history.redo}
        onAutoLayout={() => history.apply((current) => ({ ...current, layout: { nodes: autoLayout(current.definition) } }))}
        onSnap={setSnap}
        status={<SaveStatus state={autosave.state} />}
        publish={canPublish ? <PublishDialog flowId={flowId} disabled={publishBlocker !== undefined} reason={publishBlocker || undefined} /> : null}
      />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="h-[calc(100vh-19rem)] min-h-[28rem] overflow-hidden rounded-lg border border-slate-200 bg-slate-50" data-testid="flow-canvas">
          <FlowCanvas
            definition={definition}
            graph={graph}
            facts={facts}
            viewport={draft.layout.viewport}
            snap={snap}
            selectRequest={selectRequest}
            onConnect={(connection) => {
              const result = connect(history.present.current.definition, connection);
              edit(() => result.definition);
              if (result.branchId) select([], [result.branchId]);
            }}
            onReconnect={(edgeId, connection) => edit((current) => reconnect(current, edgeId, connection))}
            onMoveNodes={(moved) => history.apply((current) => ({ ...current, layout: { nodes: { ...current.layout.nodes, ...moved } } }))}
            onViewport={(next, cause) => {
              viewport.current = next;
              // The first automatic fit rides along with the next save: opening a flow writes nothing
              // (two open tabs would otherwise conflict before anyone edits).
              if (cause === "user") autosave.schedule();
            }}
            onSelection={onSelection}
            onAddLevel={addLevelAt}
          />
        </div>
        <div className="space-y-4 xl:max-h-[calc(100vh-19rem)] xl:overflow-y-auto">
          {selectedLevel ? (
            <LevelPanel
              key={selectedLevel.id}
              level={selectedLevel}
              isFirst={levelsInOrder(definition)[0]?.id === selectedLevel.id}
              options={options}
              errorAt={(field) => errorAt(`levels.${levelIndex}.${field}`) ?? serverErrors[`levels.${levelIndex}.${field}`] ?? problems.find((problem) => problem.path === `levels[${levelIndex}].${field}`)?.message}
              onChange={(changes) => edit((current) => updateLevel(current, selectedLevel.id, changes), `level:${selectedLevel.id}:${Object.keys(changes).join(",")}`)}
              onMakeFirst={() => edit((current) => setStartLevel(current, selectedLevel.id))}
              onRemove={() => edit((current) => removeLevel(current, selectedLevel.id))}
              onClose={close}
            />
          ) : selectedBranch ? (
            <BranchPanel
              key={selectedBranch.id}
              branch={selectedBranch}
              definition={definition}
              fields={conditionFieldsAt(definition, selectedBranch.fromLevelId, forms)}
              labels={labels}
              problems={problems.filter((problem) => problem.branchId === selectedBranch.id).map((problem) => problem.message)}
              onChange={(changes) => edit((current) => updateBranch(current, selectedBranch.id, changes), `branch:${selectedBranch.id}:${Object.keys(changes).join(",")}`)}
              onRemove={() => edit((current) => removeBranch(current, selectedBranch.id))}
              onClose={close}
            />
          ) : (
            <p className="rounded-lg border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-600">
              Select a level or a branch to edit it. Drag from a level&apos;s bottom handle to another level or an end to draw a branch.
            </p>
          )}
          <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <p className="mb-2 text-xs uppercase tracking-wide text-slate-500">Draft v{draft.number}</p>
            <ProblemsPanel
              definition={definition}
              problems={problems}
              onSelect={focusProblem}
              note={coverage.status === "checking" ? "Checking assignees against the organisation…" : coverage.status === "failed" ? "Assignees could not be checked against the organisation just now; publishing checks them again." : undefined}
            />
          </div>
          <SimulateSidebar flowId={flowId} definition={definition} options={options} onHighlight={setSimulated} />
        </div>
      </div>
    </div>
  );
}
