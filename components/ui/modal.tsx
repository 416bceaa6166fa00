"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type Props = {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Escape and the backdrop do nothing: the user must choose one of the dialog's buttons. */
  mandatory?: boolean;
};

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert (the
 * focus stays inside), Escape closes through `onClose`, and the focus goes back to whatever had it
 * before the dialog opened.
 */
export function Modal({ open, onClose, title, description, children, className, mandatory }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      const target = returnTo.current;
      returnTo.current = null;
      if (target?.isConnected) target.focus();
    }
  }, [open]);

  // Unmounting while open (the row acted on disappears) must still give the focus back.
  useEffect(
    () => () => {
      const target = returnTo.current;
      if (target?.isConnected) target.focus();
    },
    [],
  );

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault(); // React state decides when it closes
        if (!mandatory) onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget && !mandatory) onClose(); // a click on the backdrop
      }}
      className={cn(
        "m-auto w-[32rem] max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40",
        className,
      )}
    >
      {open ? (
        <div className="p-5">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {description ? (
            <div id={descriptionId} className="mt-1 text-sm text-slate-600">
              {description}
            </div>
          ) : null}
          <div className="mt-4 space-y-4">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}
