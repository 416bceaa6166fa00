"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Textarea } from "@/components/ui/inputs";
import { Modal } from "@/components/ui/modal";
import type { ActionResult } from "@/lib/action";
import { ZRenameDesign, type TRenameDesign } from "@/lib/design/details-schema";

type Props = {
  id: string;
  /** "flow" or "form": only the words differ. */
  noun: string;
  name: string;
  description: string | null;
  action: (input: TRenameDesign) => Promise<ActionResult<unknown>>;
};

/** "Rename…": the name and description of a flow or form, in a dialog validated like the server. */
export function RenameDialog({ id, noun, name, description, action }: Props) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const form = useForm<TRenameDesign>({ resolver: zodResolver(ZRenameDesign, undefined, { raw: true }), defaultValues: { id, name, description: description ?? "" } });
  const { submit, pending } = useActionSubmit(form, action, {
    success: `The ${noun} is renamed`,
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const { errors } = form.formState;
  const close = () => {
    form.reset({ id, name, description: description ?? "" });
    setOpen(false);
  };
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Rename…
      </Button>
      <Modal open={open} onClose={close} title={`Rename this ${noun}`} description="The new name shows everywhere at once, on every version and on requests already running.">
        <form onSubmit={submit} className="space-y-3" noValidate>
          <FormError message={errors.root?.server?.message} />
          <Field id="rename-name" label="Name" error={errors.name?.message}>
            <Input id="rename-name" autoFocus invalid={!!errors.name} errorId="rename-name-error" {...form.register("name")} />
          </Field>
          <Field id="rename-description" label="Description" error={errors.description?.message}>
            <Textarea id="rename-description" rows={3} invalid={!!errors.description} errorId="rename-description-error" {...form.register("description")} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save"}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
