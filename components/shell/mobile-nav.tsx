"use client";

import { useEffect, useRef, useState } from "react";
import { NavLinks } from "./nav-links";

/**
 * Under 768 px the sections fold into a "Menu" disclosure below the header, so nothing runs
 * off a phone's screen. Escape closes it and returns focus to the button; choosing a section
 * closes it too.
 */
export function MobileNav() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", closeOnEscape);
    return () => document.removeEventListener("keydown", closeOnEscape);
  }, [open]);

  return (
    <div className="md:hidden">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="mobile-nav"
        onClick={() => setOpen((value) => !value)}
        className="rounded-md px-3 py-2 text-sm font-medium text-on-chrome-muted hover:bg-chrome-hover"
      >
        Menu
      </button>
      <div id="mobile-nav" hidden={!open} className="absolute inset-x-0 top-full z-40 border-t border-chrome-hover bg-chrome px-4 py-2 shadow-lg">
        <NavLinks stacked onNavigate={() => setOpen(false)} />
      </div>
    </div>
  );
}
