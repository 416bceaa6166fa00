import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/auth/guard";
import { getOwnProfile } from "@/lib/org/users/queries";
import { SYSTEM_ROLE_LABELS } from "@/lib/org/users/system-roles";
import { ChangePasswordForm } from "./change-password-form";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "My profile" };

export default async function ProfilePage() {
  const principal = await requirePagePrincipal();
  const me = await getOwnProfile(principal.userId);
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title="My profile" description={`${me.email} · ${SYSTEM_ROLE_LABELS[principal.systemRole]}`} />
      <Card className="p-5">
        <h2 className="mb-4 text-base font-semibold text-slate-900">Name</h2>
        <ProfileForm key={`${me.firstName}-${me.lastName}`} firstName={me.firstName} lastName={me.lastName} />
      </Card>
      <Card className="p-5">
        <h2 className="mb-1 text-base font-semibold text-slate-900">Password</h2>
        <p className="mb-4 text-sm text-slate-500">Changing it signs you out on every other device; you stay signed in here.</p>
        <ChangePasswordForm email={me.email} />
      </Card>
    </div>
  );
}
