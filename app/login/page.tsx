import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "@/lib/server/demo/people";
import { isDemoMode } from "@/lib/env";
import { currentActor } from "@/lib/server/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const DEMO_SIGN_INS = [
  { id: "usr_morgan", role: "Admin" },
  { id: "usr_james", role: "Rep who may book through rotations" },
  { id: "usr_daniel", role: "Rep without the booking permission" },
];

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await currentActor()) redirect("/contacts");
  const { next } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-2xl font-semibold">Meeting Rotations</h1>
        <p className="mb-6 text-sm text-slate-600">Sign in to share meetings fairly across your team.</p>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm next={typeof next === "string" ? next : undefined} />
        </div>
        {isDemoMode() && (
          <section aria-label="Demo sign-ins" className="mt-6 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm">
            <h2 className="mb-2 font-medium text-amber-900">
              Demo sign-ins (password <code className="font-mono">{DEMO_PASSWORD}</code>)
            </h2>
            <ul className="space-y-1 text-amber-900">
              {DEMO_SIGN_INS.map(({ id, role }) => {
                const person = DEMO_PEOPLE.find((p) => p.id === id);
                return person ? (
                  <li key={id}>
                    <code className="font-mono">{person.email}</code> — {role}
                  </li>
                ) : null;
              })}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
