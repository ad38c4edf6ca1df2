"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { makeQueryClient } from "@/lib/query/client";

/**
 * A TanStack Query client for one component's lifetime. Pages don't load TanStack Query up
 * front (app/providers.tsx): the few components that fetch bring their own, and each mount
 * starts fresh.
 */
export function OwnQueryClient({ onCreate, children }: { onCreate?: (client: QueryClient) => void; children: ReactNode }) {
  const [client] = useState(() => {
    const created = makeQueryClient();
    // Before the first render: a fetch started here does not wait for the children to mount.
    onCreate?.(created);
    return created;
  });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
