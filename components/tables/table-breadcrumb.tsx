import Link from "next/link";

/** "Tables / <table> / <page>" above a table's sub-pages. */
export function TableBreadcrumb({ table, current }: { table: { name: string; displayName: string }; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
      <Link href="/tables" className="hover:underline">
        Tables
      </Link>{" "}
      /{" "}
      <Link href={`/tables/${table.name}`} className="hover:underline">
        {table.displayName}
      </Link>{" "}
      / <span aria-current="page">{current}</span>
    </nav>
  );
}
