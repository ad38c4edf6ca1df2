"use client";

import type { ReactNode } from "react";
import { ToastProvider } from "@/components/ui/toast";

/*
 * No QueryClientProvider here: only the "Schedule meeting" dialog reads through TanStack Query,
 * and it brings its own client (components/scheduling/schedule-meeting-dialog.tsx), so the
 * query library loads with the dialog rather than in every page's first load.
 */
export function Providers({ children }: { children: ReactNode }) {
  return <ToastProvider>{children}</ToastProvider>;
}
