import type { Permission, SystemRole } from "@/lib/auth/permissions";

/** A section of the app; shown when the user holds `permission` and, if given, one of `systemRoles`. */
/** `badge: "inbox"` shows the live count of requests waiting for the user beside the label. */
export type NavItem = { href: string; label: string; permission?: Permission; systemRoles?: SystemRole[]; icon: string; badge?: "inbox" };

// Only sections that work are listed; each new section adds itself here with its permission.
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Dashboard", icon: "▦" },
  { href: "/inbox", label: "Inbox", permission: "instances.view", icon: "⤓", badge: "inbox" },
  { href: "/requests/new", label: "New request", permission: "instances.create", icon: "+" },
  { href: "/requests", label: "My requests", permission: "instances.view", icon: "⇢" },
  { href: "/forms", label: "Forms", permission: "tasks.view", icon: "☑" },
  { href: "/flows", label: "Flows", permission: "flows.view", icon: "⇶" },
  { href: "/tables", label: "Tables", permission: "records.view", icon: "▤" },
  { href: "/datasets", label: "Datasets", permission: "datasets.view", icon: "≡" },
  { href: "/triggers", label: "Triggers", permission: "triggers.view", icon: "⚡" },
  { href: "/organisation/departments", label: "Departments", permission: "departments.view", icon: "⌂" },
  { href: "/organisation/roles", label: "Roles", permission: "roles.view", icon: "◈" },
  { href: "/organisation/users", label: "People", permission: "users.view", icon: "☺" },
  { href: "/audit", label: "Audit log", permission: "audit.view", icon: "☰" },
  { href: "/admin/outbox", label: "Outbox", permission: "users.create", systemRoles: ["ADMIN", "DEVELOPER"], icon: "✉" },
  { href: "/settings", label: "Settings", permission: "companies.update", icon: "⚙" },
];
