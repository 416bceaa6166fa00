import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormRenderer } from "@/components/forms/renderer/form-renderer";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { fileSummaries, getPickerContext, getSubmission } from "@/lib/forms/queries";
import { referencedFileIds } from "@/lib/forms/service";

export const metadata: Metadata = { title: "Submission" };

const UUID = /^[0-9a-f-]{36}$/i;

export default async function SubmissionPage({ params }: { params: Promise<{ id: string; submissionId: string }> }) {
  const principal = await requirePagePrincipal("tasks.view");
  const { id, submissionId } = await params;
  if (!UUID.test(id) || !UUID.test(submissionId)) notFound();
  const seesAll = can(principal.permissions, "tasks.update") || can(principal.permissions, "tasks.export");
  const submission = await getSubmission(principal.companyId, id, submissionId, seesAll ? undefined : principal.userId).catch((error) => (isAppError(error) ? null : Promise.reject(error)));
  if (!submission) notFound();
  const data = (submission.data ?? {}) as Record<string, unknown>;
  const [context, files] = await Promise.all([
    getPickerContext(principal.companyId),
    fileSummaries(principal.companyId, referencedFileIds(submission.definition, data, new Set(["file"]))),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader
        title="Submission"
        description={`By ${submission.executorName} on ${submission.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC · form version ${submission.version}`}
        actions={
          <Link href={`/forms/${id}/submissions`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
            All submissions
          </Link>
        }
      />
      <Card className="p-5">
        <FormRenderer readOnly definition={submission.definition} initialValues={data} context={{ ...context, files }} />
      </Card>
    </div>
  );
}
