"use client";

import type { ReactNode } from "react";
import { ToastProvider } from "@/components/ui/toast";

/*
 * No QueryClientProvider here: only the "Schedule meeting" dialog and the member picker read
 * through TanStack Query, and each brings its own client (schedule-meeting-dialog.tsx,
 * member-picker.tsx), so the library loads with them rather than in every page's first load.
 */
export function Providers({ children }: { children: ReactNode }) {
  return <ToastProvider>{children}</ToastProvider>;
}
