import Link from "next/link";

export const metadata = { title: "No access" };

export default function ForbiddenPage() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">You don&apos;t have access to that page</h1>
      <p className="mt-2 text-slate-600">Ask an administrator of your company for the permission you need.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand hover:underline">
        Back to the dashboard
      </Link>
    </div>
  );
}
