"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { deleteRecordsAction, restoreRecordsAction } from "@/lib/tables/actions";
import { Dialog } from "./dialog";
import type { TPicked } from "./record-picker";
import { RecordForm } from "./record-form";
import type { TGridContext, TGridPermissions, TGridTable } from "./types";

/** Edit, move to the trash or restore one record (the record page). */
export function RecordActions({ table, context, record, permissions }: {
  table: TGridTable;
  context: TGridContext;
  record: { id: string; data: Record<string, unknown>; links: Record<string, TPicked[]>; deleted: boolean };
  permissions: TGridPermissions;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [pending, setPending] = useState(false);

  async function setDeleted(deleted: boolean) {
    setPending(true);
    try {
      const result = await (deleted ? deleteRecordsAction : restoreRecordsAction)({ tableId: table.id, recordIds: [record.id] });
      if (!result.ok) return void toast.error(result.error);
      toast.success(deleted ? "Record moved to the trash" : "Record restored");
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-wrap gap-2">
      {permissions.update && !record.deleted ? <Button onClick={() => setEditing(true)}>Edit</Button> : null}
      {permissions.delete ? (
        record.deleted ? (
          <Button variant="secondary" disabled={pending} onClick={() => void setDeleted(false)}>
            Restore
          </Button>
        ) : (
          <Button variant="danger" disabled={pending} onClick={() => void setDeleted(true)}>
            Move to trash
          </Button>
        )
      ) : null}
      <Dialog open={editing} onClose={() => setEditing(false)} title="Edit record" wide>
        {editing ? (
          <RecordForm
            table={table}
            context={context}
            existing={record}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              router.refresh();
            }}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
