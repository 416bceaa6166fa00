"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

type Props = {
  id: string;
  label: string;
  addLabel: string;
  /** Monospaced text, for pastes whose separators matter ("value|Label"). */
  mono?: boolean;
  /** Adds what it can of the pasted text and returns the problems with the rest (empty: all added). */
  onPaste: (text: string) => string[];
};

/** A bulk-paste box under a list editor: the text stays until everything in it was added. */
export function PasteBox({ id, label, addLabel, mono, onPaste }: Props) {
  const [text, setText] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const add = () => {
    const found = onPaste(text);
    setProblems(found);
    if (found.length === 0) setText("");
  };
  return (
    <div className="space-y-1 rounded-md bg-slate-50 p-2">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <textarea id={id} rows={3} value={text} onChange={(event) => setText(event.target.value)} className={cn("block w-full rounded-md border border-slate-300 px-2 py-1 text-sm", mono && "font-mono")} />
      <Button type="button" variant="secondary" className="px-3 py-1 text-xs" disabled={!text.trim()} onClick={add}>
        {addLabel}
      </Button>
      {problems.length ? (
        <ul role="status" className="list-disc pl-5 text-xs text-amber-800">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
