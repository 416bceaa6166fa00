"use client";

import Link from "next/link";
import { useMemo, useState, type ChangeEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/inputs";
import { isComputed } from "@/lib/tables/columns";
import { importBatchAction } from "@/lib/tables/actions";
import { flattenRowErrors, importBatches, rowErrorsCsv, type TRowError } from "@/lib/tables/import-batches";
import { autoMap, decodeCsv, MAX_IMPORT_BYTES, parseCsv, rowValues, type TParsedCsv } from "@/lib/tables/import-mapping";
import type { TGridTable } from "./types";

type Run = { kind: "check" | "import"; done: number; total: number };
type Outcome = { kind: "check" | "import"; valid: number; inserted: number; errors: TRowError[]; failedRows: number; stopped?: string };

const PREVIEW_ROWS = 5;
const SHOWN_ERRORS = 200;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function downloadCsv(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * CSV import in the browser: read and decode the file here (UTF-8, else Windows-1252), map its headers
 * to columns, check every row on the server without writing (batches of ≤ 500), then import: each
 * batch's valid rows are written in one transaction, so a failing batch leaves nothing half-imported.
 */
export function ImportWizard({ table }: { table: TGridTable }) {
  const writable = useMemo(() => table.columns.filter((column) => !isComputed(column)), [table.columns]);
  const labels = useMemo(() => new Map(table.columns.map((column) => [column.key, column.label])), [table.columns]);
  const [file, setFile] = useState<{ name: string; encoding: string; parsed: TParsedCsv } | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [run, setRun] = useState<Run | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setFile(null);
    setOutcome(null);
    setFileError(undefined);
    if (!chosen) return;
    if (chosen.size > MAX_IMPORT_BYTES) return setFileError(`This file is ${mb(chosen.size)}; the limit is ${mb(MAX_IMPORT_BYTES)}. Split it into smaller files and import them one after another.`);
    const { text, encoding } = decodeCsv(new Uint8Array(await chosen.arrayBuffer()));
    const parsed = parseCsv(text);
    if (parsed.headers.length === 0) return setFileError("The file has no header row: its first line should name the columns.");
    setFile({ name: chosen.name, encoding, parsed });
    setMapping(autoMap(parsed.headers, table.columns));
  }

  const mapped = new Set(Object.values(mapping).filter((key): key is string => Boolean(key)));
  const missingRequired = writable.filter((column) => "required" in column && column.required && !mapped.has(column.key));
  const values = useMemo(() => (file ? file.parsed.rows.map((row) => rowValues(row, mapping, table.columns)) : []), [file, mapping, table.columns]);

  async function start(kind: "check" | "import") {
    if (!file) return;
    const batches = importBatches(values);
    const result: Outcome = { kind, valid: 0, inserted: 0, errors: [], failedRows: 0 };
    setOutcome(null);
    setRun({ kind, done: 0, total: values.length });
    for (const batch of batches) {
      let response: Awaited<ReturnType<typeof importBatchAction>>;
      try {
        response = await importBatchAction({ tableId: table.id, rows: batch.rows, firstRow: batch.firstRow, dryRun: kind === "check" });
      } catch {
        response = { ok: false, error: "Could not reach the server." };
      }
      if (!response.ok) {
        result.stopped = `Stopped at file rows ${batch.firstRow}–${batch.firstRow + batch.rows.length - 1}: ${response.error} Nothing of that batch was ${kind === "check" ? "checked" : "imported"}; the batches before it ${kind === "check" ? "were checked" : "are imported"}.`;
        break;
      }
      result.valid += response.data.valid;
      result.inserted += response.data.inserted;
      result.failedRows += response.data.failed.length;
      result.errors.push(...flattenRowErrors(response.data.failed, labels));
      setRun({ kind, done: Math.min(values.length, batch.firstRow - 2 + batch.rows.length), total: values.length });
    }
    setRun(null);
    setOutcome(result);
  }

  const busy = run !== null;
  const percent = run && run.total ? Math.round((run.done / run.total) * 100) : 0;

  return (
    <div className="space-y-5">
      <Card className="space-y-3 p-4 sm:p-6">
        <h2 className="text-lg font-semibold">1. Choose a CSV file</h2>
        <div className="space-y-1">
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-700">
            CSV file (at most {mb(MAX_IMPORT_BYTES)}; the first line names the columns)
          </label>
          <input id="import-file" type="file" accept=".csv,text/csv" onChange={(event) => void choose(event)} disabled={busy} aria-describedby={fileError ? "import-file-error" : undefined} className="block text-sm" />
        </div>
        {fileError ? (
          <p id="import-file-error" role="alert" className="text-sm text-red-600">
            {fileError}
          </p>
        ) : null}
        {file ? (
          <p className="text-sm text-slate-600" role="status">
            Read <strong>{file.parsed.rows.length.toLocaleString("en-US")}</strong> rows from {file.name}, decoded as <strong>{file.encoding === "utf-8" ? "UTF-8" : "Windows-1252 (not valid UTF-8)"}</strong>.
          </p>
        ) : null}
        {file?.parsed.problems.length ? (
          <ul className="list-disc pl-5 text-sm text-amber-800">
            {file.parsed.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
      </Card>

      {file ? (
        <Card className="space-y-3 p-4 sm:p-6">
          <h2 className="text-lg font-semibold">2. Match the file&apos;s columns</h2>
          <div className="grid gap-3 sm:grid-cols-2">
            {file.parsed.headers.map((header, index) => (
              <div key={header} className="space-y-1">
                <label htmlFor={`map-${index}`} className="block text-sm font-medium text-slate-700">
                  File column “{header}”
                </label>
                <Select
                  id={`map-${index}`}
                  value={mapping[header] ?? ""}
                  disabled={busy}
                  onChange={(event) => (setMapping((current) => ({ ...current, [header]: event.target.value || null })), setOutcome(null))}
                >
                  <option value="">Don&apos;t import</option>
                  {writable.map((column) => (
                    <option key={column.key} value={column.key} disabled={mapped.has(column.key) && mapping[header] !== column.key}>
                      {column.label}
                    </option>
                  ))}
                </Select>
              </div>
            ))}
          </div>
          {missingRequired.length ? (
            <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
              Required {missingRequired.length === 1 ? "column" : "columns"} not matched: {missingRequired.map((column) => column.label).join(", ")}. Every row will fail without {missingRequired.length === 1 ? "it" : "them"}.
            </p>
          ) : null}

          <h3 className="pt-2 text-base font-semibold">Preview of the first rows</h3>
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" aria-label="Preview of the first rows">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase text-slate-500">
                    Row
                  </th>
                  {file.parsed.headers.filter((header) => mapping[header]).map((header) => (
                    <th key={header} scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase text-slate-500">
                      {labels.get(mapping[header]!) ?? header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {file.parsed.rows.slice(0, PREVIEW_ROWS).map((row, index) => (
                  <tr key={index}>
                    <td className="px-3 py-1.5 text-slate-500">{index + 2}</td>
                    {file.parsed.headers.filter((header) => mapping[header]).map((header) => (
                      <td key={header} className="max-w-60 truncate px-3 py-1.5">
                        {row[header]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      ) : null}

      {file ? (
        <Card className="space-y-3 p-4 sm:p-6">
          <h2 className="text-lg font-semibold">3. Check and import</h2>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" disabled={busy || mapped.size === 0} onClick={() => void start("check")}>
              Check all rows
            </Button>
            <Button disabled={busy || mapped.size === 0 || (outcome?.kind === "check" && outcome.valid === 0)} onClick={() => void start("import")}>
              {outcome?.kind === "check" && !outcome.stopped ? `Import ${outcome.valid.toLocaleString("en-US")} valid rows` : "Import valid rows"}
            </Button>
          </div>
          {run ? (
            <div className="space-y-1">
              <p id="import-progress-label" className="text-sm text-slate-600">
                {run.kind === "check" ? "Checking" : "Importing"}: {run.done.toLocaleString("en-US")} of {run.total.toLocaleString("en-US")} rows
              </p>
              <div role="progressbar" aria-labelledby="import-progress-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 w-full overflow-hidden rounded-full bg-slate-200">
                <div className="h-full bg-brand transition-all" style={{ width: `${percent}%` }} />
              </div>
            </div>
          ) : null}
          <div aria-live="polite">
            {outcome ? (
              <div className="space-y-3">
                <p className="text-sm font-medium" role="status">
                  {outcome.kind === "check"
                    ? `Checked: ${outcome.valid.toLocaleString("en-US")} rows can be imported, ${outcome.failedRows.toLocaleString("en-US")} have errors.`
                    : `Imported ${outcome.inserted.toLocaleString("en-US")} rows; skipped ${outcome.failedRows.toLocaleString("en-US")} with errors.`}
                </p>
                {outcome.stopped ? (
                  <p role="alert" className="text-sm text-red-600">
                    {outcome.stopped}
                  </p>
                ) : null}
                {outcome.kind === "import" && outcome.inserted > 0 ? (
                  <Link href={`/tables/${table.name}`} className="text-sm font-medium text-brand hover:underline">
                    Open {table.displayName} →
                  </Link>
                ) : null}
                {outcome.errors.length ? (
                  <>
                    <div className="flex items-center justify-between gap-2">
                      <h3 className="text-base font-semibold">Rows with errors</h3>
                      <Button variant="secondary" className="py-1" onClick={() => downloadCsv(`${table.name}-import-errors.csv`, rowErrorsCsv(outcome.errors))}>
                        Download error list
                      </Button>
                    </div>
                    <div className="max-h-96 overflow-auto">
                      <table className="min-w-full text-sm" aria-label="Rows with errors">
                        <thead className="sticky top-0 bg-slate-50">
                          <tr>
                            {["Row", "Column", "Problem"].map((title) => (
                              <th key={title} scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase text-slate-500">
                                {title}
                              </th>
                            ))}
                          </tr>
                        </thead>
                        <tbody className="divide-y divide-slate-100">
                          {outcome.errors.slice(0, SHOWN_ERRORS).map((error, index) => (
                            <tr key={index}>
                              <td className="px-3 py-1.5">{error.row}</td>
                              <td className="px-3 py-1.5">{error.column || "—"}</td>
                              <td className="px-3 py-1.5 text-red-700">{error.message}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                    {outcome.errors.length > SHOWN_ERRORS ? <p className="text-xs text-slate-500">Showing the first {SHOWN_ERRORS} of {outcome.errors.length.toLocaleString("en-US")}; download the list for all.</p> : null}
                  </>
                ) : null}
              </div>
            ) : null}
          </div>
        </Card>
      ) : null}
    </div>
  );
}
