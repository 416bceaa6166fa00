"use client";

import { useEffect, useRef, type ReactNode } from "react";

// The frame of a canvas side panel: a titled region that takes focus when it opens (so a keyboard
// user lands in it) and closes on Escape, returning to the canvas.

export function SidePanel({ title, subtitle, onClose, children }: { title: string; subtitle?: string; onClose: () => void; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Only when nothing in the panel has focus yet (a problem click may focus a control itself).
    if (!heading.current?.closest("section")?.contains(document.activeElement)) heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <section
      aria-labelledby="canvas-panel-title"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id="canvas-panel-title" ref={heading} tabIndex={-1} className="truncate text-base font-semibold text-slate-900 focus:outline-none">
            {title}
          </h2>
          {subtitle ? <p className="text-xs text-slate-500">{subtitle}</p> : null}
        </div>
        <button type="button" onClick={onClose} className="rounded px-2 py-0.5 text-sm text-slate-600 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-brand" aria-label="Close panel (Escape)">
          ✕
        </button>
      </div>
      {children}
    </section>
  );
}
