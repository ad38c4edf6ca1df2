/** Where the keyboard is in the week's free slots: a day column and a slot in it. */
export interface SlotPosition {
  day: number;
  index: number;
}

export const SLOT_KEYS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End"] as const;
export type SlotKey = (typeof SLOT_KEYS)[number];

export function isSlotKey(key: string): key is SlotKey {
  return (SLOT_KEYS as readonly string[]).includes(key);
}

/**
 * The slot a key moves to, as in the calendars people know: up and down walk the times (on
 * into the next or previous day), left and right go to the nearest time on the next or
 * previous day that has free slots, Home and End to the day's first and last. `columns` holds
 * each day's slots as minutes after local midnight, in order. Where there is nowhere to go,
 * the position stays.
 */
export function moveSlot(columns: readonly (readonly number[])[], from: SlotPosition, key: SlotKey): SlotPosition {
  const day = columns[from.day] ?? [];
  const dayWithSlots = (start: number, step: 1 | -1) => {
    for (let d = start; d >= 0 && d < columns.length; d += step) if ((columns[d]?.length ?? 0) > 0) return d;
    return null;
  };
  switch (key) {
    case "Home":
      return { day: from.day, index: 0 };
    case "End":
      return { day: from.day, index: Math.max(0, day.length - 1) };
    case "ArrowDown": {
      if (from.index + 1 < day.length) return { day: from.day, index: from.index + 1 };
      const next = dayWithSlots(from.day + 1, 1);
      return next === null ? from : { day: next, index: 0 };
    }
    case "ArrowUp": {
      if (from.index > 0) return { day: from.day, index: from.index - 1 };
      const previous = dayWithSlots(from.day - 1, -1);
      return previous === null ? from : { day: previous, index: (columns[previous]?.length ?? 1) - 1 };
    }
    case "ArrowRight":
    case "ArrowLeft": {
      const target = key === "ArrowRight" ? dayWithSlots(from.day + 1, 1) : dayWithSlots(from.day - 1, -1);
      if (target === null) return from;
      return { day: target, index: nearestIndex(columns[target] ?? [], day[from.index] ?? 0) };
    }
  }
}

/** The slot nearest a time of day; of two as near, the earlier. */
function nearestIndex(minutes: readonly number[], to: number): number {
  let best = 0;
  minutes.forEach((m, i) => {
    if (Math.abs(m - to) < Math.abs((minutes[best] ?? 0) - to)) best = i;
  });
  return best;
}
