import Link from "next/link";

/**
 * Shown (with a 403, through app/forbidden.tsx) to signed-in users who open an admin page;
 * the actions behind those pages refuse on their own (R4).
 */
export function NotAllowed() {
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-amber-200 bg-amber-50 px-6 py-10 text-center">
      <h1 className="text-xl font-semibold text-amber-950">You’re not allowed to open this page</h1>
      <p className="mt-2 text-sm text-amber-900">Only admins manage meeting rotations, users and teams. Ask an admin if you need a change.</p>
      <Link href="/contacts" className="mt-6 inline-block text-sm font-medium text-brand-700 underline">
        Back to contacts
      </Link>
    </div>
  );
}
