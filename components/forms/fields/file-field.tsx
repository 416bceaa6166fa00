"use client";

import { useRef, useState } from "react";
import { formatBytes } from "@/components/forms/renderer/values";
import type { TFieldControlProps } from "@/components/forms/renderer/types";
import { uploadFiles } from "./upload";

// File upload: files go to /api/v1/files as soon as they are chosen; the value is the list of
// returned ids, shown as chips that can be removed. The submission check re-verifies every id.

export function FileField({ field, id, value, onChange, onBlur, invalid, describedBy, disabled, required, context, onFileUploaded }: TFieldControlProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = Array.isArray(value) ? (value as string[]) : [];
  if (field.type !== "file") return null;
  const { accept, maxSizeMb } = field.validation ?? {};
  const multiple = field.multiple === true;

  async function choose(list: FileList | null) {
    if (!list || list.length === 0) return;
    setBusy(true);
    setProblem(null);
    const result = await uploadFiles([...list], maxSizeMb);
    setBusy(false);
    if (input.current) input.current.value = "";
    if (!result.ok) return setProblem(result.error);
    for (const file of result.files) onFileUploaded(file.id, file);
    const added = result.files.map((file) => file.id);
    onChange(multiple ? [...ids, ...added] : added.slice(0, 1));
    onBlur();
  }

  const hint = [accept?.length ? `Accepted: ${accept.map((type) => type.split("/")[1]).join(", ")}` : null, maxSizeMb ? `up to ${maxSizeMb} MB` : null].filter(Boolean).join(", ");
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <input
          ref={input}
          id={id}
          type="file"
          multiple={multiple}
          accept={accept?.join(",")}
          disabled={disabled || busy}
          onChange={(event) => void choose(event.target.files)}
          aria-required={required || undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className="block w-full max-w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-50"
        />
        {busy ? <span className="text-sm text-slate-500" role="status">Uploading…</span> : null}
      </div>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {problem ? (
        <p className="text-sm text-red-600" role="alert">
          {problem}
        </p>
      ) : null}
      {ids.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label={`Uploaded files for ${field.label}`}>
          {ids.map((fileId) => {
            const file = context.files?.[fileId];
            return (
              <li key={fileId} className="inline-flex max-w-full items-center gap-2 rounded-full border border-slate-300 bg-slate-50 py-1 pl-3 pr-1 text-sm">
                <a href={`/api/files/${fileId}`} target="_blank" rel="noreferrer" className="truncate text-brand underline">
                  {file?.originalName ?? "Uploaded file"}
                </a>
                {file ? <span className="shrink-0 text-xs text-slate-500">{formatBytes(file.size)}</span> : null}
                {!disabled ? (
                  <button
                    type="button"
                    onClick={() => onChange(ids.filter((item) => item !== fileId))}
                    className="rounded-full px-2 text-slate-500 hover:bg-slate-200 hover:text-slate-800"
                    aria-label={`Remove ${file?.originalName ?? "file"}`}
                  >
                    ×
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
