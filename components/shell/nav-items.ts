import type { Permission } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string; permission?: Permission; icon: string };

// Only sections that work are listed; each new section adds itself here with its permission.
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Dashboard", icon: "▦" },
  { href: "/organisation/departments", label: "Departments", permission: "departments.view", icon: "⌂" },
  { href: "/organisation/roles", label: "Roles", permission: "roles.view", icon: "◈" },
  { href: "/organisation/users", label: "People", permission: "users.view", icon: "☺" },
  { href: "/audit", label: "Audit log", permission: "audit.view", icon: "☰" },
  { href: "/settings", label: "Settings", permission: "companies.update", icon: "⚙" },
];
