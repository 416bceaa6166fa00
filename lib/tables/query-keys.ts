// TanStack Query keys of the records UI: one factory, so invalidation after a write hits every page.
export const tableKeys = {
  all: ["tables"] as const,
  records: (tableKey: string) => ["tables", tableKey, "records"] as const,
  page: (tableKey: string, query: string) => ["tables", tableKey, "records", query] as const,
  options: (tableId: string, q: string) => ["tables", tableId, "options", q] as const,
};
