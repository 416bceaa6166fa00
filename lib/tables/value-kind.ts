// How a column's stored value behaves in filters, sorting and indexes. Client-safe (no node imports),
// so the grid offers exactly the filters the server accepts; storage.ts builds SQL on the same kinds.
import type { TColumn, TTableSchema } from "./columns";
import { formulaTypes } from "./schema-checks";

export type TValueKind = "number" | "text" | "long_text" | "ordered_text" | "boolean" | "list" | "relation" | "none";

const KIND: Record<TColumn["type"], TValueKind> = {
  text: "text", long_text: "long_text", email: "text", url: "text", phone: "text",
  number: "number", decimal: "number", currency: "number", auto_number: "number",
  date: "ordered_text", datetime: "ordered_text", single_select: "ordered_text", user: "ordered_text", department: "ordered_text",
  boolean: "boolean", multi_select: "list", file: "list", relation: "relation", formula: "none",
};

/** How a column's stored value behaves in filters, sorting and indexes. */
export function valueKind(column: TColumn, schema?: TTableSchema): TValueKind {
  if (column.type !== "formula") return KIND[column.type];
  const type = schema ? formulaTypes(schema.columns).get(column.key) : undefined;
  switch (type?.kind) {
    case "number":
      return "number";
    case "string":
      return "text";
    case "date":
    case "datetime":
      return "ordered_text";
    case "boolean":
      return "boolean";
    default:
      return "none";
  }
}
