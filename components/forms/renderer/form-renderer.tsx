"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action";
import { compileForm } from "@/lib/forms/compile";
import type { TFormDefinition } from "@/lib/forms/definition";
import { evaluateFormState, submissionSchema, type TSubmissionContext, type TSubmissionValues } from "@/lib/forms/submission";
import { ErrorSummary } from "./error-summary";
import { FieldBlock, type TBlockEnv } from "./field-block";
import { ReadOnlyForm } from "./read-only-form";
import type { TFileSummary, TRendererContext } from "./types";
import { flattenErrors, initialValuesFor } from "./values";

// The runtime form. Validation is `submissionSchema(definition)` — the very function the server
// runs — through zodResolver (raw: the server cleans the values again); conditions and calculated
// values are `evaluateFormState` on every change. A failed submit keeps every value, puts the
// server's field errors on the fields and focuses an error summary.

export type TFormRendererProps = {
  definition: TFormDefinition;
  initialValues?: Record<string, unknown>;
  /** Render a stored submission (with the version it was made with) instead of inputs. */
  readOnly?: boolean;
  onSubmit?: (data: TSubmissionValues) => Promise<ActionResult<unknown>>;
  onSubmitted?: (data: unknown) => void;
  context: TRendererContext;
  submitLabel?: string;
  /** Called with the raw values on every change (the builder's preview sends them to a test submit). */
  onValuesChange?: (values: Record<string, unknown>) => void;
};

export function FormRenderer(props: TFormRendererProps) {
  if (props.readOnly) return <ReadOnlyForm definition={props.definition} values={props.initialValues ?? {}} context={props.context} />;
  return <EditableForm {...props} />;
}

function labelIndex(definition: TFormDefinition): (path: string) => string {
  const labels = new Map<string, string>();
  for (const field of definition.fields) {
    labels.set(field.key, field.label || field.key);
    if (field.type === "repeating_group") for (const sub of field.fields) labels.set(`${field.key}.${sub.key}`, sub.label || sub.key);
  }
  return (path) => {
    const parts = path.split(".");
    if (parts.length === 3) return `${labels.get(parts[0]!) ?? parts[0]} row ${Number(parts[1]) + 1}, ${labels.get(`${parts[0]}.${parts[2]}`) ?? parts[2]}`;
    return labels.get(path) ?? path;
  };
}

function EditableForm({ definition, initialValues, onSubmit, onSubmitted, context, submitLabel, onValuesChange }: TFormRendererProps) {
  const compiled = useMemo(() => compileForm(definition), [definition]);
  // Files known to this page (stored ones and new uploads): the browser checks type and size as the server will.
  const filesRef = useRef<Record<string, TFileSummary>>({ ...context.files });
  const [files, setFiles] = useState<Record<string, TFileSummary>>(context.files ?? {});
  const valueContext = useMemo<TSubmissionContext>(() => ({ fileInfo: (id) => {
    const file = filesRef.current[id.toLowerCase()];
    return file ? { mimeType: file.mimetype, sizeBytes: file.size } : null;
  } }), []);
  const schema = useMemo(() => submissionSchema(definition, valueContext), [definition, valueContext]);
  const form = useForm<Record<string, unknown>>({
    resolver: zodResolver(schema, undefined, { raw: true }),
    defaultValues: initialValuesFor(definition, initialValues),
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: false, // the error summary takes focus instead
  });
  const values = useWatch({ control: form.control });
  const state = useMemo(() => evaluateFormState(compiled, values, valueContext), [compiled, values, valueContext]);
  useEffect(() => onValuesChange?.(values), [values, onValuesChange]);
  const [attempt, setAttempt] = useState(0);
  const [serverMessage, setServerMessage] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  // Focus moves to the summary once it has rendered after a failed attempt (errors may land a render later).
  const focusPending = useRef(false);
  useEffect(() => {
    if (attempt > 0) focusPending.current = true;
  }, [attempt]);
  useEffect(() => {
    if (focusPending.current && summary.current) {
      summary.current.focus();
      focusPending.current = false;
    }
  });

  const onFileUploaded = useCallback((id: string, file: TFileSummary) => {
    filesRef.current[id.toLowerCase()] = file;
    setFiles((current) => ({ ...current, [id]: file }));
  }, []);

  const submit = form.handleSubmit(
    async (raw) => {
      setServerMessage(null);
      if (!onSubmit) return;
      let result: ActionResult<unknown>;
      try {
        result = await onSubmit(raw);
      } catch {
        result = { ok: false, error: "Could not reach the server. Your answers are still here; try again." };
      }
      if (result.ok) return onSubmitted?.(result.data);
      for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (path && messages[0]) form.setError(path as Path<Record<string, unknown>>, { type: "server", message: messages[0] });
      }
      setServerMessage(result.fieldErrors?.[""]?.[0] ?? result.error);
      setAttempt((count) => count + 1);
    },
    () => {
      setServerMessage(null);
      setAttempt((count) => count + 1);
    },
  );

  const errors = form.formState.errors;
  const items = attempt > 0 ? flattenErrors(errors).filter((item) => item.path !== "" && item.path !== "root") : [];
  const formMessages = attempt > 0 ? [...new Set([...(!state.result.ok ? (state.result.fieldErrors[""] ?? []) : []), ...(serverMessage && (items.length === 0 || !serverMessage.startsWith("Please correct")) ? [serverMessage] : [])])] : [];
  const env: TBlockEnv = {
    control: form.control,
    errors,
    state,
    hidden: new Set(state.hidden),
    disabled: new Set(state.disabled),
    required: new Set(state.required),
    context: { ...context, files },
    onFileUploaded,
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-describedby={definition.settings?.description ? "form-description" : undefined}>
      {definition.settings?.description ? (
        <p id="form-description" className="whitespace-pre-wrap text-sm text-slate-600">
          {definition.settings.description}
        </p>
      ) : null}
      <ErrorSummary ref={summary} items={items} formMessages={formMessages} labelOf={labelIndex(definition)} />
      {definition.fields.map((field) => (
        <FieldBlock key={field.key} field={field} path={field.key} env={env} />
      ))}
      {onSubmit ? (
        <div className="flex flex-col-reverse gap-3 border-t border-slate-100 pt-4 sm:flex-row sm:items-center">
          <Button type="submit" disabled={form.formState.isSubmitting} className="w-full sm:w-auto">
            {form.formState.isSubmitting ? "Submitting…" : (submitLabel ?? definition.settings?.submitLabel ?? "Submit")}
          </Button>
          <p className="text-xs text-slate-500">
            <span aria-hidden="true" className="text-red-600">
              *
            </span>{" "}
            Required
          </p>
        </div>
      ) : null}
    </form>
  );
}
