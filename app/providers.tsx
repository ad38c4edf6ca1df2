"use client";

import type { ReactNode } from "react";
import { ToastProvider } from "@/components/ui/toast";

/*
 * No QueryClientProvider here: only the "Schedule meeting" dialog and the two search fields
 * (member picker, Out of office user) read through TanStack Query, and each brings its own
 * client (components/ui/own-query-client.tsx), so the library loads with them rather than in
 * every page's first load.
 */
export function Providers({ children }: { children: ReactNode }) {
  return <ToastProvider>{children}</ToastProvider>;
}
