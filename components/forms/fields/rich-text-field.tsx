"use client";

import { useState } from "react";
import { sanitizeRichText } from "@/lib/forms/rich-text";
import type { TFieldControlProps } from "@/components/forms/renderer/types";
import { controlClass } from "./field-shell";

// Rich text as a textarea of simple HTML (<b>, <i>, <ul>, <a>…) with a preview: the preview runs
// the same sanitiser the server runs on submit, so what you see is what is stored.

const TAGS: [string, string, string][] = [
  ["Bold", "<strong>", "</strong>"],
  ["Italic", "<em>", "</em>"],
  ["List item", "<ul><li>", "</li></ul>"],
];

export function RichTextField({ id, value, onChange, onBlur, invalid, describedBy, disabled, required, field }: TFieldControlProps) {
  const [preview, setPreview] = useState(false);
  const text = typeof value === "string" ? value : "";
  const wrap = (open: string, close: string) => {
    const area = document.getElementById(id) as HTMLTextAreaElement | null;
    const [start, end] = area ? [area.selectionStart, area.selectionEnd] : [text.length, text.length];
    onChange(`${text.slice(0, start)}${open}${text.slice(start, end)}${close}${text.slice(end)}`);
  };
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap gap-1" role="toolbar" aria-label={`Formatting for ${field.label}`}>
        {TAGS.map(([label, open, close]) => (
          <button key={label} type="button" disabled={disabled || preview} onClick={() => wrap(open, close)} className="rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50">
            {label}
          </button>
        ))}
        <button type="button" aria-pressed={preview} onClick={() => setPreview(!preview)} className="ml-auto rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50">
          {preview ? "Edit" : "Preview"}
        </button>
      </div>
      {preview ? (
        <div className="prose prose-sm min-h-24 rounded-md border border-slate-200 bg-slate-50 p-3" dangerouslySetInnerHTML={{ __html: sanitizeRichText(text) }} />
      ) : (
        <textarea
          id={id}
          rows={6}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          disabled={disabled}
          aria-required={required || undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={controlClass(invalid, "font-mono")}
        />
      )}
    </div>
  );
}
