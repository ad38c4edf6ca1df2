"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useTransition } from "react";
import { signOut } from "@/app/login/actions";

export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  const [signingOut, startSignOut] = useTransition();
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={`Account menu for ${name}`}
        className="flex items-center gap-2 rounded-full py-1 pr-3 pl-1 text-sm text-slate-100 hover:bg-slate-700"
      >
        <span aria-hidden className="flex size-8 items-center justify-center rounded-full bg-brand-700 font-semibold text-white">
          {initials}
        </span>
        <span>{name}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg">
          <div className="px-3 py-2">
            <p className="font-medium">{name}</p>
            <p className="text-slate-600">{email}</p>
            <p className="text-xs text-slate-600 capitalize">{role}</p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          {/* Called from onSelect: the menu unmounts as it closes, so a form inside it would never submit. */}
          <DropdownMenu.Item
            disabled={signingOut}
            onSelect={() => startSignOut(() => signOut())}
            className="cursor-pointer rounded px-3 py-2 outline-none data-highlighted:bg-slate-100"
          >
            {signingOut ? "Signing out…" : "Sign out"}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
