"use client";

import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/inputs";
import { deleteTableViewAction, saveTableViewAction } from "@/lib/tables/actions";
import type { TViewConfig } from "@/lib/tables/view-state";
import type { TTableViewSummary } from "@/lib/tables/views";

/** The user's saved views of this table: apply one, save the current view under a name, delete one. */
export function ViewsMenu({ tableId, views: initial, current, onApply }: { tableId: string; views: TTableViewSummary[]; current: TViewConfig; onApply: (config: TViewConfig) => void }) {
  const [views, setViews] = useState(initial);
  const [chosen, setChosen] = useState("");
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();

  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await saveTableViewAction({ tableId, name, config: current });
    if (!result.ok) return setError(result.fieldErrors?.name?.[0] ?? result.error);
    setViews((list) => [...list.filter((view) => view.id !== result.data.id), result.data].sort((a, b) => a.name.localeCompare(b.name)));
    setChosen(result.data.id);
    setNaming(false);
    setError(undefined);
    toast.success(`View “${result.data.name}” saved`);
  }

  async function remove() {
    const view = views.find((candidate) => candidate.id === chosen);
    if (!view) return;
    const result = await deleteTableViewAction({ tableId, viewId: view.id });
    if (!result.ok) return void toast.error(result.error);
    setViews((list) => list.filter((candidate) => candidate.id !== view.id));
    setChosen("");
    toast.success(`View “${view.name}” deleted`);
  }

  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="space-y-1">
        <label htmlFor="saved-view" className="block text-xs font-medium text-slate-600">
          Saved views
        </label>
        <Select
          id="saved-view"
          value={chosen}
          className="py-1.5"
          onChange={(event) => {
            setChosen(event.target.value);
            const view = views.find((candidate) => candidate.id === event.target.value);
            if (view) onApply(view.config);
          }}
        >
          <option value="">{views.length ? "Choose a view…" : "No saved views yet"}</option>
          {views.map((view) => (
            <option key={view.id} value={view.id}>
              {view.name}
            </option>
          ))}
        </Select>
      </div>
      {chosen ? (
        <Button type="button" variant="ghost" className="px-2 py-1.5" onClick={() => void remove()}>
          Delete view
        </Button>
      ) : null}
      {naming ? (
        <form onSubmit={save} className="flex items-end gap-2" noValidate>
          <div className="space-y-1">
            <label htmlFor="view-name" className="block text-xs font-medium text-slate-600">
              View name
            </label>
            <Input id="view-name" value={name} autoFocus onChange={(event) => setName(event.target.value)} invalid={Boolean(error)} errorId="view-name-error" className="py-1.5" />
          </div>
          <Button type="submit" className="py-1.5">
            Save
          </Button>
          <Button type="button" variant="ghost" className="py-1.5" onClick={() => (setNaming(false), setError(undefined))}>
            Cancel
          </Button>
          {error ? (
            <p id="view-name-error" className="self-center text-sm text-red-600">
              {error}
            </p>
          ) : null}
        </form>
      ) : (
        <Button type="button" variant="secondary" className="py-1.5" onClick={() => (setNaming(true), setName(views.find((view) => view.id === chosen)?.name ?? ""))}>
          Save view…
        </Button>
      )}
    </div>
  );
}
