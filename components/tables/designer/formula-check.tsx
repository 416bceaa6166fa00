"use client";

import { useMemo } from "react";
import { checkExpression } from "@/lib/expressions/api";
import { typeToString } from "@/lib/expressions/type-rules";
import type { TypeEnv } from "@/lib/expressions/types";

const RESULTS = new Set(["number", "string", "boolean", "date", "datetime"]);
const TYPE_WORDS: Record<string, string> = { number: "a number", string: "text", boolean: "yes / no", date: "a date", datetime: "a date & time" };

/** The live verdict on a formula as it is typed: its result type, or what is wrong with it. */
export function FormulaCheck({ id, source, env }: { id: string; source: string; env: TypeEnv }) {
  const verdict = useMemo(() => {
    if (!source.trim()) return { ok: false as const, message: "Type an expression over the other columns, e.g. quantity * unit_price" };
    const checked = checkExpression(source, env);
    if (!checked.ok) return { ok: false as const, message: checked.diagnostics.map((diagnostic) => diagnostic.message).join("; ") };
    if (!RESULTS.has(checked.type.kind)) return { ok: false as const, message: `A formula must give a number, text, yes/no, date or date-time, not ${typeToString(checked.type)}` };
    return { ok: true as const, message: `Gives ${TYPE_WORDS[checked.type.kind] ?? typeToString(checked.type)}` };
  }, [source, env]);
  return (
    <p id={id} role="status" aria-live="polite" className={verdict.ok ? "text-sm text-green-700" : "text-sm text-red-600"}>
      {verdict.ok ? "✓ " : ""}
      {verdict.message}
    </p>
  );
}
