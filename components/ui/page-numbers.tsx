import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** The page numbers to show: first, last, and a window around the current page, with gaps as null. */
function visiblePages(current: number, count: number): (number | null)[] {
  const pages = new Set([1, count, current - 1, current, current + 1].filter((page) => page >= 1 && page <= count));
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.flatMap((page, index) => (index > 0 && page - sorted[index - 1]! > 1 ? [null, page] : [page]));
}

/** Server-rendered page links (?page=N kept with the other query parameters). */
export function PageNumbers({ page, pageCount, href, label = "Pages" }: { page: number; pageCount: number; href: (page: number) => string; label?: string }) {
  if (pageCount <= 1) return null;
  const linkClass = "min-w-9 rounded-md border px-3 py-1.5 text-center text-sm";
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-1">
      {page > 1 ? (
        <Link href={href(page - 1)} className={cn(linkClass, "border-slate-300 bg-white hover:bg-slate-50")}>
          Previous
        </Link>
      ) : null}
      {visiblePages(page, pageCount).map((number, index) =>
        number === null ? (
          <span key={`gap-${index}`} className="px-1 text-slate-400">
            …
          </span>
        ) : (
          <Link
            key={number}
            href={href(number)}
            aria-current={number === page ? "page" : undefined}
            className={cn(linkClass, number === page ? "border-brand bg-brand font-medium text-white" : "border-slate-300 bg-white hover:bg-slate-50")}
          >
            {number}
          </Link>
        ),
      )}
      {page < pageCount ? (
        <Link href={href(page + 1)} className={cn(linkClass, "border-slate-300 bg-white hover:bg-slate-50")}>
          Next
        </Link>
      ) : null}
    </nav>
  );
}
