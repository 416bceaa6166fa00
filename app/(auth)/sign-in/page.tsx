import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentPrincipal } from "@/lib/auth/guard";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await currentPrincipal()) redirect("/");
  const { next } = await searchParams;
  return (
    <main className="flex min-h-full items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-xl bg-blue-600 text-xl font-bold text-white">F</div>
          <h1 className="text-2xl font-semibold text-slate-900">Sign in to Flowright</h1>
          <p className="mt-1 text-sm text-slate-500">Forms, approval flows and your company&apos;s data, in one place.</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm next={next ?? "/"} />
        </div>
      </div>
    </main>
  );
}
