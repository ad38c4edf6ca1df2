import Link from "next/link";
import type { ReactNode } from "react";
import { signOut } from "@/app/login/actions";
import { MobileNav } from "@/components/shell/mobile-nav";
import { NavLinks } from "@/components/shell/nav-links";
import { UserMenu } from "@/components/shell/user-menu";
import { requirePageActor } from "@/lib/server/session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="relative bg-chrome">
        <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center justify-between gap-2 px-4 py-2 md:gap-4">
          <div className="flex min-w-0 items-center gap-2 md:gap-6">
            <Link href="/contacts" className="truncate font-semibold text-on-chrome">
              Meeting Rotations
            </Link>
            <div className="hidden md:block">
              <NavLinks />
            </div>
            <MobileNav />
          </div>
          <UserMenu name={actor.name} email={actor.email} role={actor.role} signOut={signOut} />
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
