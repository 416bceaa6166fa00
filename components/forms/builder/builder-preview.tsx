"use client";

import { useCallback, useRef, useState } from "react";
import { FormRenderer } from "@/components/forms/renderer/form-renderer";
import type { TRendererContext } from "@/components/forms/renderer/types";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action";
import { testSubmitFormAction } from "@/lib/forms/actions";
import type { TFormDefinition } from "@/lib/forms/definition";

// The live preview: the runtime FormRenderer fed the draft (conditions and calculated fields behave
// exactly as when filling in). "Test submit" sends the values to the server, which judges them with
// the same validator against this draft and stores nothing; its verdict is shown here.

type Verdict = { accepted: true } | { accepted: false; message: string; errors: [string, string][] };

type Props = { taskId: string; definition: TFormDefinition | null; stale: boolean; context: TRendererContext };

function structureOf(definition: TFormDefinition): string {
  // Remount the renderer (fresh values) only when fields are added, removed or retyped.
  return definition.fields.map((field) => `${field.key}:${field.type}${field.type === "repeating_group" ? `(${field.fields.map((sub) => `${sub.key}:${sub.type}`).join()})` : ""}`).join("|");
}

export function BuilderPreview({ taskId, definition, stale, context }: Props) {
  const values = useRef<Record<string, unknown>>({});
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [asking, setAsking] = useState(false);
  const onValuesChange = useCallback((next: Record<string, unknown>) => {
    values.current = next;
  }, []);

  const labelOf = (path: string) => {
    const [key, row, sub] = path.split(".");
    const field = definition?.fields.find((candidate) => candidate.key === key);
    const name = field?.label || key || "Form";
    if (field?.type === "repeating_group" && sub) return `${name} row ${Number(row) + 1}, ${field.fields.find((candidate) => candidate.key === sub)?.label ?? sub}`;
    return name;
  };

  const ask = async (data: unknown): Promise<ActionResult<unknown>> => {
    if (!definition) return { ok: false, error: "Fix the form's problems first." };
    setAsking(true);
    try {
      const result = await testSubmitFormAction({ taskId, definition, data });
      if (!result.ok) {
        setVerdict({ accepted: false, message: result.error, errors: [] });
        return result;
      }
      if (result.data.accepted) {
        setVerdict({ accepted: true });
        return { ok: true, data: null };
      }
      const fieldErrors = result.data.fieldErrors;
      setVerdict({ accepted: false, message: "Nothing was stored.", errors: Object.entries(fieldErrors).map(([path, messages]) => [path ? labelOf(path) : "Form", messages[0] ?? ""]) });
      return { ok: false, error: "The server refused these values.", fieldErrors };
    } catch {
      setVerdict({ accepted: false, message: "Could not reach the server.", errors: [] });
      return { ok: false, error: "Could not reach the server." };
    } finally {
      setAsking(false);
    }
  };

  if (!definition) return <p className="text-sm text-slate-600">The preview appears once the form has no problems.</p>;
  return (
    <div className="space-y-4">
      {stale ? <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-800">The preview shows the last version without problems; fix the problems to see your latest changes.</p> : null}
      {definition.fields.length === 0 ? <p className="text-sm text-slate-500">Add fields to see them here.</p> : null}
      <FormRenderer key={structureOf(definition)} definition={definition} context={context} onSubmit={ask} onValuesChange={onValuesChange} submitLabel="Test submit" />
      <div className="space-y-2 border-t border-slate-100 pt-3">
        <Button type="button" variant="secondary" className="px-3 py-1.5 text-xs" disabled={asking} onClick={() => void ask(values.current)}>
          Ask the server without checking here first
        </Button>
        <div role="status" aria-live="polite">
          {verdict ? (
            verdict.accepted ? (
              <p className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">Server verdict: accepted. Nothing was stored.</p>
            ) : (
              <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
                <p>Server verdict: refused. {verdict.message}</p>
                <ul className="mt-1 list-disc pl-5 text-xs">
                  {verdict.errors.map(([label, message], index) => (
                    <li key={index}>
                      {label}: {message}
                    </li>
                  ))}
                </ul>
              </div>
            )
          ) : null}
        </div>
      </div>
    </div>
  );
}
