"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

// A modal on the native <dialog>: showModal() traps focus, makes the page inert and gives Escape;
// focus returns to what opened it when it closes.

type Props = { open: boolean; title: string; onClose: () => void; children: ReactNode; /** Escape does nothing (a choice must be made). */ mandatory?: boolean };

export function ModalDialog({ open, title, onClose, children, mandatory }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!mandatory) onClose();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {open ? (
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
