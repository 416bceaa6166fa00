"use client";

import Link from "next/link";
import { useState } from "react";
import { FormRenderer } from "@/components/forms/renderer/form-renderer";
import type { TRendererContext } from "@/components/forms/renderer/types";
import { Button } from "@/components/ui/button";
import type { TFormDefinition } from "@/lib/forms/definition";
import { submitFormAction } from "@/lib/forms/actions";

/** Fills a standalone form and submits it through the server action; a new form after success. */
export function FillForm({ taskId, definition, context }: { taskId: string; definition: TFormDefinition; context: TRendererContext }) {
  const [done, setDone] = useState<{ id: string } | null>(null);
  const [round, setRound] = useState(0);
  if (done) {
    return (
      <div role="status" className="space-y-3 rounded-md border border-green-200 bg-green-50 p-5">
        <h2 className="text-lg font-semibold text-green-900">Thank you — your answers were submitted.</h2>
        <div className="flex flex-wrap gap-3">
          <Button type="button" variant="secondary" onClick={() => (setDone(null), setRound(round + 1))}>
            Fill in again
          </Button>
          <Link href="/forms" className="rounded-md px-4 py-2 text-sm font-medium text-brand hover:underline">
            Back to forms
          </Link>
        </div>
      </div>
    );
  }
  return (
    <FormRenderer
      key={round}
      definition={definition}
      context={context}
      onSubmit={(data) => submitFormAction({ taskId, data })}
      onSubmitted={(data) => setDone(data as { id: string })}
    />
  );
}
