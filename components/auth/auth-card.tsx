import type { ReactNode } from "react";

/** The centred card of the signed-out pages (sign-in, invitation, password reset). */
export function AuthCard({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-full items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-xl bg-blue-600 text-xl font-bold text-white">F</div>
          <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
          {description ? <p className="mt-1 text-sm text-slate-500">{description}</p> : null}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}

/** The one answer for a link that cannot be used, whatever the reason (no oracle for tokens). */
export function DeadLink({ message }: { message: string }) {
  return (
    <div className="space-y-4 text-center">
      <p role="alert" className="text-sm text-slate-700">
        {message}
      </p>
      <a href="/sign-in" className="inline-block text-sm font-medium text-blue-600 hover:underline">
        Go to sign in
      </a>
    </div>
  );
}
