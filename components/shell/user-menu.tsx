import Link from "next/link";
import { signOutAction } from "@/app/(app)/actions";

const ROLE_LABELS: Record<string, string> = { DEVELOPER: "Developer", ADMIN: "Admin", MANAGER: "Manager", EMPLOYEE: "Employee" };

/** The signed-in user and the sign-out button. */
export function UserMenu({ name, email, systemRole }: { name: string; email: string; systemRole: string }) {
  return (
    <div className="flex items-center gap-3">
      <div className="hidden text-right sm:block">
        <p className="text-sm font-medium text-slate-900" data-testid="user-name">
          {name}
        </p>
        <p className="text-xs text-slate-500">
          {email} · <span data-testid="user-role">{ROLE_LABELS[systemRole] ?? systemRole}</span>
        </p>
      </div>
      <Link href="/profile" className="text-sm text-slate-700 hover:underline">
        My profile
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
          Sign out
        </button>
      </form>
    </div>
  );
}
