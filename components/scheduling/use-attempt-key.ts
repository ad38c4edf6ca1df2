"use client";

import { useRef } from "react";

/**
 * One Idempotency-Key per booking attempt (C7). A request that never got an answer (the
 * connection dropped) is sent again with the same key, so the server books it at most once;
 * once an answer arrives, or the rep changes what they book, the next attempt gets a new key.
 */
export function useAttemptKey() {
  const attempt = useRef<{ body: string; key: string } | null>(null);
  return {
    keyFor(request: unknown): string {
      const body = JSON.stringify(request);
      if (attempt.current?.body !== body) attempt.current = { body, key: crypto.randomUUID() };
      return attempt.current.key;
    },
    answered() {
      attempt.current = null;
    },
  };
}
