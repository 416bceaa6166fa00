"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";

type Props = {
  open: boolean;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  variant?: "primary" | "danger";
  pending?: boolean;
  /** Called by the confirm button; the dialog is a form so Enter in a field confirms too. */
  onConfirm: () => void;
  onClose: () => void;
};

/** A confirmation on the shared Modal; while the request is in flight it cannot be dismissed. */
export function ConfirmDialog({ open, title, description, children, confirmLabel, pendingLabel, variant = "primary", pending = false, onConfirm, onClose }: Props) {
  return (
    <Modal open={open} onClose={onClose} title={title} description={description} mandatory={pending} className="max-w-md">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
        className="space-y-4"
      >
        {children}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button type="button" variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant={variant} disabled={pending}>
            {pending ? (pendingLabel ?? `${confirmLabel}…`) : confirmLabel}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
