import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">The page or record you asked for does not exist, or was deleted.</p>
      <Link href="/contacts" className="mt-6 inline-block font-medium text-brand-700 underline">
        Back to contacts
      </Link>
    </main>
  );
}
