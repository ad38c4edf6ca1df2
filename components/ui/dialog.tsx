"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { useReturnFocus } from "./return-focus";

interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: ReactNode;
  /** "side" slides in from the right, as settings panels do; "center" is a modal dialog. */
  variant?: "center" | "side";
  widthClass?: string;
}

/**
 * A modal dialog or side panel: focus trapped, Escape closes, title announced, focus back to
 * what opened it. On a phone a centred dialog fills the screen.
 */
export function Dialog({ open, onOpenChange, title, description, children, variant = "center", widthClass }: DialogProps) {
  const returnFocus = useReturnFocus();
  const placement =
    variant === "side"
      ? `fixed inset-y-0 right-0 h-full ${widthClass ?? "w-full max-w-lg"} overflow-y-auto border-l border-slate-200`
      : `fixed top-1/2 left-1/2 max-h-[92vh] -translate-x-1/2 -translate-y-1/2 ${widthClass ?? "w-[min(44rem,95vw)]"} overflow-y-auto rounded-lg max-sm:inset-0 max-sm:h-dvh max-sm:max-h-none max-sm:w-full max-sm:translate-x-0 max-sm:translate-y-0 max-sm:rounded-none max-sm:p-4`;
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-scrim" />
        <RadixDialog.Content
          className={`z-50 bg-white p-6 shadow-xl ${placement}`}
          {...(description ? {} : { "aria-describedby": undefined })}
          onOpenAutoFocus={returnFocus.onOpenAutoFocus}
          onCloseAutoFocus={returnFocus.onCloseAutoFocus}
          // The dialog is the top layer: a React Aria list opened inside (the member picker's)
          // must not hide the rest of the dialog from assistive tech while it is open.
          data-react-aria-top-layer
          // Radix hears Escape before the focused widget does: while a combobox inside has its
          // list open, Escape closes only that list.
          onEscapeKeyDown={(event) => {
            if (event.target instanceof Element && event.target.getAttribute("aria-expanded") === "true") event.preventDefault();
          }}
        >
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
              {description && <RadixDialog.Description className="mt-1 text-sm text-slate-600">{description}</RadixDialog.Description>}
            </div>
            <RadixDialog.Close className="rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800" aria-label="Close">
              <span aria-hidden>✕</span>
            </RadixDialog.Close>
          </div>
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
