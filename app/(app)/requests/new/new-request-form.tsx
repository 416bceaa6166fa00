"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { FormRenderer } from "@/components/forms/renderer/form-renderer";
import type { TRendererContext } from "@/components/forms/renderer/types";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/inputs";
import { startInstanceAction } from "@/lib/flows/actions";
import type { TStartInstance } from "@/lib/flows/schema";
import type { TFormDefinition } from "@/lib/forms/definition";

type Props = { flowId: string; flowName: string; definition: TFormDefinition | null; context: TRendererContext };

/**
 * Starts a request: the first level's form(s), validated in the browser with the server's own
 * submission schema (FormRenderer), then startInstanceAction. The idempotency key is made once per
 * page load, so a double click or a retry after a lost answer starts one request, not two.
 */
export function NewRequestForm({ flowId, flowName, definition, context }: Props) {
  const router = useRouter();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const started = (data: unknown) => {
    const { instanceId } = data as { instanceId: string };
    toast.success(`Your ${flowName} request was started.`, { duration: 8_000 });
    router.push(`/instances/${instanceId}`);
  };

  if (!definition) {
    const start = () =>
      startTransition(async () => {
        setError(null);
        try {
          const result = await startInstanceAction({ flowId, idempotencyKey });
          if (result.ok) started(result.data);
          else setError(result.error);
        } catch {
          setError("Could not reach the server. Check your connection and try again.");
        }
      });
    return (
      <div className="space-y-3">
        <FormError message={error ?? undefined} />
        <Button type="button" onClick={start} disabled={pending}>
          {pending ? "Starting…" : "Start request"}
        </Button>
      </div>
    );
  }
  return (
    <FormRenderer
      definition={definition}
      context={context}
      submitLabel="Submit request"
      onSubmit={(data) => startInstanceAction({ flowId, data: data as TStartInstance["data"], idempotencyKey })}
      onSubmitted={started}
    />
  );
}
