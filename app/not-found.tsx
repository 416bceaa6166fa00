import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold">This page does not exist</h1>
      <p className="mt-2 text-slate-600">It may have been moved, or you may not have access to it.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-blue-600 hover:underline">
        Go to the dashboard
      </Link>
    </main>
  );
}
