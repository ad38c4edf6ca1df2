"use client";

import { useEffect, useRef, useState, useTransition } from "react";

/**
 * The account menu as a disclosure (a button that shows a small panel): all it holds is who
 * you are and "Sign out", which does not need a full menu widget and its positioning code
 * on every page. `signOut` is the server action, passed in by the layout.
 */
export function UserMenu({ name, email, role, signOut }: { name: string; email: string; role: string; signOut: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [signingOut, startSignOut] = useTransition();
  const container = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();

  useEffect(() => {
    if (!open) return;
    const closeOnOutside = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      trigger.current?.focus();
    };
    document.addEventListener("pointerdown", closeOnOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOnOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open]);

  return (
    <div ref={container} className="relative">
      <button
        ref={trigger}
        type="button"
        aria-label={`Account menu for ${name}`}
        aria-expanded={open}
        aria-controls="account-menu"
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-full py-1 pr-3 pl-1 text-sm text-on-chrome-muted hover:bg-chrome-hover"
      >
        <span aria-hidden className="flex size-8 items-center justify-center rounded-full bg-brand-700 font-semibold text-white">
          {initials}
        </span>
        <span className="hidden sm:inline">{name}</span>
      </button>
      <div id="account-menu" hidden={!open} className="absolute right-0 z-50 mt-2 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg">
        <div className="px-3 py-2">
          <p className="font-medium">{name}</p>
          <p className="text-slate-600">{email}</p>
          <p className="text-xs text-slate-600 capitalize">{role}</p>
        </div>
        <div className="my-1 h-px bg-slate-200" />
        <button
          type="button"
          disabled={signingOut}
          onClick={() => startSignOut(() => signOut())}
          className="w-full rounded px-3 py-2 text-left hover:bg-slate-100 focus-visible:bg-slate-100"
        >
          {signingOut ? "Signing out…" : "Sign out"}
        </button>
      </div>
    </div>
  );
}
