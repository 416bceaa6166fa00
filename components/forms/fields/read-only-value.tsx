import { sanitizeRichText } from "@/lib/forms/rich-text";
import type { TField, TSubField } from "@/lib/forms/field-types";
import { formatBytes, formatNumber } from "@/components/forms/renderer/values";
import type { TRendererContext } from "@/components/forms/renderer/types";

// How a stored value reads in a submission: option labels, names of people and departments,
// files as links to the authorised download route, signatures as images.

const EMPTY = <span className="text-slate-400">—</span>;

function optionLabel(field: TField | TSubField, value: unknown): string {
  const options = "options" in field ? field.options : [];
  return options.find((option) => option.value === value)?.label ?? String(value);
}

export function ReadOnlyValue({ field, value, context }: { field: TField | TSubField; value: unknown; context: TRendererContext }) {
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) return EMPTY;
  switch (field.type) {
    case "dropdown":
    case "radio":
      return <>{optionLabel(field, value)}</>;
    case "multi_select":
    case "checkbox_group":
      return <>{(value as unknown[]).map((item) => optionLabel(field, item)).join(", ")}</>;
    case "yes_no":
      return <>{value === true ? "Yes" : "No"}</>;
    case "rating":
      return (
        <span aria-label={`${String(value)} of ${field.max ?? 5} stars`}>
          <span aria-hidden="true" className="text-amber-500">
            {"★".repeat(Number(value))}
          </span>
          <span aria-hidden="true" className="text-slate-300">
            {"★".repeat(Math.max(0, (field.max ?? 5) - Number(value)))}
          </span>
        </span>
      );
    case "currency":
      return (
        <>
          {formatNumber(value, field.decimals ?? 2)} {field.currency}
        </>
      );
    case "number":
      return <>{formatNumber(value)}</>;
    case "user":
      return <>{context.users.find((user) => user.id === value)?.label ?? "Unknown person"}</>;
    case "department":
      return <>{context.departments.find((department) => department.id === value)?.label ?? "Unknown department"}</>;
    case "rich_text":
      return <div className="prose prose-sm" dangerouslySetInnerHTML={{ __html: sanitizeRichText(String(value)) }} />;
    case "textarea":
      return <span className="whitespace-pre-wrap">{String(value)}</span>;
    case "datetime":
      return <>{new Date(String(value)).toLocaleString()}</>;
    case "url":
      return (
        <a href={String(value)} rel="noreferrer nofollow" target="_blank" className="text-brand underline">
          {String(value)}
        </a>
      );
    case "file":
      return (
        <ul className="space-y-1">
          {(value as string[]).map((id) => {
            const file = context.files?.[id];
            return (
              <li key={id}>
                <a href={`/api/files/${id}`} target="_blank" rel="noreferrer" className="text-brand underline">
                  {file?.originalName ?? "File"}
                </a>
                {file ? <span className="ml-2 text-xs text-slate-500">{formatBytes(file.size)}</span> : null}
              </li>
            );
          })}
        </ul>
      );
    case "signature": {
      const src = String(value).startsWith("data:image/png") ? String(value) : `/api/files/${String(value)}`;
      // eslint-disable-next-line @next/next/no-img-element -- an authorised route, not a static asset
      return <img src={src} alt={`Signature for ${field.label}`} className="h-24 rounded border border-slate-200 bg-white" />;
    }
    case "calculated":
      return <>{typeof value === "number" ? formatNumber(value) : typeof value === "boolean" ? (value ? "Yes" : "No") : String(value)}</>;
    default:
      return <>{String(value)}</>;
  }
}
