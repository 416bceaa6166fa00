import type { TPickerOption } from "@/components/forms/renderer/types";
import type { TColumn } from "@/lib/tables/columns";
import type { TRecordData } from "@/lib/tables/record-values";

// Shapes the records UI passes from server pages to client components (dates as ISO text, as the
// REST list returns them).

export type TGridTable = { id: string; name: string; displayName: string; columns: TColumn[] };

export type TGridRecord = {
  id: string;
  data: TRecordData;
  autoNumber: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  links: Record<string, { id: string; label: string }[]>;
};

export type TGridPage = { items: TGridRecord[]; nextCursor: string | null; count: number; countCapped: boolean };

export type TGridPermissions = { create: boolean; update: boolean; delete: boolean; export: boolean };

/** Names for user and department columns (ids are stored). */
export type TGridContext = { users: TPickerOption[]; departments: TPickerOption[] };

/** Server data → what a client component receives (Dates become ISO strings, as over the API). */
export function asPlain<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
