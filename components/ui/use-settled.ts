"use client";

import { useEffect, useState } from "react";

/** Typing pauses this long before a search field asks the server, so a fast typist sends one search. */
const SEARCH_DELAY_MS = 150;

/** `value`, once it has stopped changing for `delay` ms. */
export function useSettled(value: string, delay: number = SEARCH_DELAY_MS): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
