"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/inputs";

type Option = { id: string; name: string };
type Props = { departments: (Option & { depth: number })[]; roles: Option[] };

const LABEL = "mb-1 block text-xs font-medium uppercase tracking-wide text-slate-500";

/** Search and filters of the People table; they live in the URL, so a filtered page can be shared. */
export function PeopleFilters({ departments, roles }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [pending, startTransition] = useTransition();

  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete("page"); // a new filter starts on page 1
    startTransition(() => router.push(`${pathname}?${next.toString()}`));
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    go({ q: q.trim() });
  };
  const hasFilters = ["q", "department", "role", "status"].some((key) => params.get(key));

  return (
    <form role="search" aria-label="Filter people" onSubmit={search} className="flex flex-wrap items-end gap-3" aria-busy={pending}>
      <div className="min-w-56 flex-1">
        <label htmlFor="people-search" className={LABEL}>
          Search
        </label>
        <div className="flex gap-2">
          <Input id="people-search" type="search" placeholder="Name or email" value={q} onChange={(event) => setQ(event.target.value)} />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </div>
      </div>
      <div>
        <label htmlFor="people-department" className={LABEL}>
          Department
        </label>
        <Select id="people-department" value={params.get("department") ?? ""} onChange={(event) => go({ department: event.target.value })}>
          <option value="">All departments</option>
          {departments.map((department) => (
            <option key={department.id} value={department.id}>
              {"\u00a0\u00a0".repeat(department.depth)}
              {department.name}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor="people-role" className={LABEL}>
          Role
        </label>
        <Select id="people-role" value={params.get("role") ?? ""} onChange={(event) => go({ role: event.target.value })}>
          <option value="">All roles</option>
          {roles.map((role) => (
            <option key={role.id} value={role.id}>
              {role.name}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor="people-status" className={LABEL}>
          Status
        </label>
        <Select id="people-status" value={params.get("status") ?? ""} onChange={(event) => go({ status: event.target.value })}>
          <option value="">Everyone</option>
          <option value="active">Active</option>
          <option value="deactivated">Deactivated</option>
          <option value="invited">Invited (pending)</option>
        </Select>
      </div>
      {hasFilters ? (
        <Button
          type="button"
          variant="ghost"
          onClick={() => {
            setQ("");
            startTransition(() => router.push(pathname));
          }}
        >
          Clear
        </Button>
      ) : null}
    </form>
  );
}
