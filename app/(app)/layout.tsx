import type { CSSProperties, ReactNode } from "react";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { NotificationsBell } from "@/components/shell/notifications-bell";
import { Sidebar } from "@/components/shell/sidebar";
import { UserMenu } from "@/components/shell/user-menu";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { initials, safeColour } from "@/lib/org/branding";
import { getCompanyBranding } from "@/lib/org/queries";
import { getShellCounts } from "@/lib/shell/counts";

// The signed-in shell. Each page still checks its own permission: a layout is not a guard.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const principal = await requirePagePrincipal();
  const [company, counts] = await Promise.all([getCompanyBranding(principal.companyId), getShellCounts(principal)]);
  const items = NAV_ITEMS.filter(
    (item) => (!item.permission || can(principal.permissions, item.permission)) && (!item.systemRoles || item.systemRoles.includes(principal.systemRole)),
  );
  const brandStyle = {
    "--brand": safeColour(company.primaryColor, "#2563eb"),
    "--brand-dark": safeColour(company.secondaryColor, "#0f172a"),
  } as CSSProperties;
  return (
    <div style={brandStyle} className="min-h-full">
      <Sidebar items={items} companyName={company.name} companyInitials={initials(company.name)} logoUrl={company.logoFileId ? `/api/files/${company.logoFileId}` : null} counts={counts} />
      <div className="md:pl-60">
        <header className="sticky top-0 z-20 flex h-16 items-center justify-end gap-3 border-b border-slate-200 bg-white/90 pl-16 pr-4 backdrop-blur md:px-8">
          <NotificationsBell counts={counts} />
          <UserMenu name={principal.name} email={principal.email} systemRole={principal.systemRole} />
        </header>
        <main className="px-4 py-6 md:px-8">{children}</main>
      </div>
    </div>
  );
}
