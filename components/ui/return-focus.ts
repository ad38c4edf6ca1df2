"use client";

import { useRef } from "react";

/**
 * Radix gives focus back to a dialog's trigger, but our dialogs open from state, with no
 * trigger: without this, closing one drops focus to the top of the page. The element focused
 * when the dialog opens gets focus back when it closes, if it is still on the page. On open,
 * an element marked `data-autofocus` inside the dialog takes focus instead of the first
 * control (the close button), so the dialog starts where the work starts.
 */
export function useReturnFocus() {
  const opener = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus(event: Event) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      const first = event.currentTarget instanceof HTMLElement ? event.currentTarget.querySelector<HTMLElement>("[data-autofocus]") : null;
      if (!first) return;
      event.preventDefault();
      first.focus();
    },
    onCloseAutoFocus(event: Event) {
      if (!opener.current?.isConnected) return;
      event.preventDefault();
      opener.current.focus();
    },
  };
}
