"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import type { NavItem } from "@/components/shell/nav-items";
import { useShellCounts } from "@/components/shell/use-shell-counts";
import type { ShellCounts } from "@/lib/shell/counts";

type Props = { items: NavItem[]; companyName: string; companyInitials: string; logoUrl: string | null; counts: ShellCounts };

/** Sidebar navigation; collapses behind a menu button on small screens. */
export function Sidebar({ items, companyName, companyInitials, logoUrl, counts }: Props) {
  const pathname = usePathname();
  const { data: live } = useShellCounts(counts);
  const [open, setOpen] = useState(false);
  const under = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  // The most specific item wins: on /requests/new that is "New request", not also "My requests".
  const isActive = (href: string) => under(href) && !items.some((other) => other.href.length > href.length && other.href.startsWith(href) && under(other.href));
  return (
    <>
      <button
        type="button"
        className="fixed left-3 top-3 z-40 rounded-md bg-brand-dark p-2 text-white md:hidden"
        aria-label={open ? "Close navigation" : "Open navigation"}
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        ☰
      </button>
      {open ? (
        <div className="fixed inset-0 z-20 bg-slate-900/40 md:hidden" aria-hidden="true" onClick={() => setOpen(false)} />
      ) : null}
      <aside
        className={cn(
          "fixed inset-y-0 left-0 z-30 flex w-60 flex-col bg-brand-dark text-slate-100 transition-transform md:translate-x-0",
          open ? "translate-x-0" : "-translate-x-full",
        )}
      >
        <div className="flex items-center gap-3 px-5 pb-5 pt-16 md:pt-5">
          {logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={logoUrl} alt="" className="h-9 w-9 rounded-lg bg-white object-contain p-0.5" />
          ) : (
            <div className="flex h-9 w-9 items-center justify-center rounded-lg bg-brand text-sm font-bold text-white">{companyInitials}</div>
          )}
          <div className="min-w-0">
            <p className="truncate text-sm font-semibold" data-testid="company-name">
              {companyName}
            </p>
            <p className="text-xs text-slate-400">Flowright</p>
          </div>
        </div>
        <nav aria-label="Main" className="flex-1 space-y-1 px-3">
          {items.map((item) => {
            const badge = item.badge === "inbox" ? live.inbox : 0;
            return (
              <Link
                key={item.href}
                href={item.href}
                onClick={() => setOpen(false)}
                aria-current={isActive(item.href) ? "page" : undefined}
                aria-label={item.badge ? `${item.label}, ${badge} waiting` : undefined}
                className={cn(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm",
                  isActive(item.href) ? "bg-white/15 font-medium text-white" : "text-slate-300 hover:bg-white/10 hover:text-white",
                )}
              >
                <span aria-hidden="true">{item.icon}</span>
                {item.label}
                {badge > 0 ? (
                  <span aria-hidden="true" data-testid={`nav-badge-${item.badge}`} className="ml-auto min-w-6 rounded-full bg-brand px-2 py-0.5 text-center text-xs font-semibold text-white">
                    {badge > 99 ? "99+" : badge}
                  </span>
                ) : null}
              </Link>
            );
          })}
        </nav>
      </aside>
    </>
  );
}
