"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { makeQueryClient } from "@/lib/query/client";

/**
 * A TanStack Query client for one component's lifetime. Pages don't load TanStack Query up
 * front (app/providers.tsx): the few components that fetch bring their own, and each mount
 * starts fresh.
 */
export function OwnQueryClient({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
