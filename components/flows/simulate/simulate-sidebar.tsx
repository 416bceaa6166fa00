"use client";

import { useState } from "react";
import { Card } from "@/components/ui/card";
import type { EditorOptions } from "@/lib/flows/editor/fields";
import type { TFlowDraft } from "@/lib/flows/editor/schema";
import { GoldenCasesPanel } from "./golden-cases-panel";
import { SimulationPanel, type SimulationHighlight } from "./simulation-panel";

// The editors' sidebar cards for simulation: a collapsible "Simulate" card (closed at first: it is
// long) and the golden cases. The canvas passes `onHighlight` to light the simulated path up.

type Props = { flowId: string; definition: TFlowDraft; options: EditorOptions; onHighlight?: (highlight: SimulationHighlight | null) => void };

export function SimulateSidebar({ flowId, definition, options, onHighlight }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Card className="p-4">
        <h2 className="text-sm font-semibold text-slate-700">
          <button type="button" aria-expanded={open} aria-controls="simulate-body" onClick={() => setOpen(!open)} className="flex w-full items-center justify-between rounded focus:outline-none focus:ring-2 focus:ring-brand">
            Simulate
            <span aria-hidden="true" className="text-slate-400">
              {open ? "▾" : "▸"}
            </span>
          </button>
        </h2>
        <div id="simulate-body" hidden={!open} className="mt-3">
          {/* Kept mounted while closed, so closing the card does not lose the simulation. */}
          <SimulationPanel definition={definition} options={options} flowId={flowId} onHighlight={onHighlight} />
        </div>
      </Card>
      <Card className="p-4">
        <GoldenCasesPanel flowId={flowId} definition={definition} options={options} />
      </Card>
    </>
  );
}
