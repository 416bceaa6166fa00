import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { listStartableFlows } from "@/lib/flows/queries";
import { combineLevelForms } from "@/lib/flows/view/level-form";
import { getPickerContext } from "@/lib/forms/queries";
import { NewRequestForm } from "./new-request-form";

export const metadata: Metadata = { title: "New request" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Choosing a flow is a link (?flow=<id>): it works without script and the page can be shared.
export default async function NewRequestPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePagePrincipal("instances.create");
  const raw = (await searchParams).flow;
  const chosenId = Array.isArray(raw) ? raw[0] : raw;
  const flows = await listStartableFlows(principal);
  const chosen = flows.find((flow) => flow.id === chosenId) ?? null;
  const context = chosen ? await getPickerContext(principal.companyId) : null;
  const definition = chosen && chosen.firstLevel.filledByInitiator ? combineLevelForms(chosen.firstLevel.forms.map((form) => ({ name: form.name, definition: form.definition }))) : null;

  return (
    <div className="space-y-6">
      <PageHeader title="New request" description="Choose what you need, fill in the form and send it on its way. You can follow it under My requests." />
      {flows.length === 0 ? (
        <Card className="p-6 text-sm text-slate-600">There is no flow you can start at the moment. Ask an administrator to publish one.</Card>
      ) : (
        <nav aria-label="Flows you can start">
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {flows.map((flow) => {
              const isChosen = flow.id === chosen?.id;
              return (
                <li key={flow.id}>
                  <Link
                    href={`/requests/new?flow=${flow.id}`}
                    aria-current={isChosen ? "page" : undefined}
                    className={cn(
                      "block h-full rounded-lg border bg-white p-4 shadow-sm transition-colors hover:border-brand focus:outline-none focus-visible:ring-2 focus-visible:ring-brand",
                      isChosen ? "border-brand ring-1 ring-brand" : "border-slate-200",
                    )}
                  >
                    <span className="block font-medium text-slate-900">{flow.name}</span>
                    <span className="mt-1 block text-sm text-slate-600">{flow.description || "No description."}</span>
                    <span className="mt-2 block text-xs text-slate-400">Version {flow.versionNumber} · starts with “{flow.firstLevel.name}”</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      {chosenId && !chosen ? (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          That flow cannot be started by you (it may have been archived). Choose one of the flows above.
        </p>
      ) : null}
      {chosen && context ? (
        <section aria-labelledby="request-form-heading" className="mx-auto max-w-2xl">
          <h2 id="request-form-heading" className="mb-1 text-lg font-semibold text-slate-900">
            {chosen.name}
          </h2>
          <p className="mb-3 text-sm text-slate-500">
            {definition ? `“${chosen.firstLevel.name}”: fill in the form below.` : `The first step, “${chosen.firstLevel.name}”, is done by others once you start the request.`}
          </p>
          <Card className="p-4 sm:p-6">
            <NewRequestForm flowId={chosen.id} flowName={chosen.name} definition={definition} context={{ users: context.users.filter((user) => !user.inactive), departments: context.departments }} />
          </Card>
        </section>
      ) : null}
    </div>
  );
}
