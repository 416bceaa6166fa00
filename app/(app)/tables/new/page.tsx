import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { NewTableForm } from "./new-table-form";

export const metadata: Metadata = { title: "New table" };

export default async function NewTablePage() {
  await requirePagePrincipal("tables.create");
  return (
    <div className="max-w-xl">
      <PageHeader title="New table" description="Name the table; you add its columns in the designer next." />
      <Card className="p-5">
        <NewTableForm />
      </Card>
    </div>
  );
}
