"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { shiftWeek, weekRange } from "@/lib/domain/week";
import { hostCalendarQuery } from "@/lib/query/scheduling";

/** The week shown in the dialog (in the viewer's zone) and the host's calendar for it. */
export function useHostWeek(hostUserId: string | null, viewerTimeZone: string, durationMinutes: number) {
  const thisWeek = useMemo(() => weekRange({ timeZone: viewerTimeZone, anchor: new Date() }), [viewerTimeZone]);
  const [offset, setOffset] = useState(0);
  const week = useMemo(() => (offset === 0 ? thisWeek : shiftWeek(thisWeek, viewerTimeZone, offset)), [thisWeek, viewerTimeZone, offset]);
  const from = week.start.toISOString();
  const to = week.end.toISOString();
  const calendar = useQuery({ ...hostCalendarQuery(hostUserId ?? "", from, to, durationMinutes), enabled: hostUserId !== null });
  return {
    week,
    calendar,
    canGoBack: offset > 0,
    previousWeek: () => setOffset((o) => Math.max(0, o - 1)),
    nextWeek: () => setOffset((o) => o + 1),
  };
}
