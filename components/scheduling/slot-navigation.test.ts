import { describe, expect, it } from "vitest";
import { moveSlot, type SlotKey, type SlotPosition } from "./slot-navigation";

// Mon 9:00, 9:30, 10:00 · Tue none · Wed 9:15, 11:00 · Thu 14:00
const week = [[540, 570, 600], [], [555, 660], [840]];

describe("moveSlot", () => {
  it.each<[string, SlotPosition, SlotKey, SlotPosition]>([
    ["down within a day", { day: 0, index: 0 }, "ArrowDown", { day: 0, index: 1 }],
    ["down past a day's last slot skips the empty day", { day: 0, index: 2 }, "ArrowDown", { day: 2, index: 0 }],
    ["down at the week's last slot stays", { day: 3, index: 0 }, "ArrowDown", { day: 3, index: 0 }],
    ["up within a day", { day: 2, index: 1 }, "ArrowUp", { day: 2, index: 0 }],
    ["up past a day's first slot goes to the previous day's last", { day: 2, index: 0 }, "ArrowUp", { day: 0, index: 2 }],
    ["up at the week's first slot stays", { day: 0, index: 0 }, "ArrowUp", { day: 0, index: 0 }],
    ["right goes to the nearest time on the next day with slots", { day: 0, index: 1 }, "ArrowRight", { day: 2, index: 0 }],
    ["left goes back to the nearest time", { day: 3, index: 0 }, "ArrowLeft", { day: 2, index: 1 }],
    ["left on the first day stays", { day: 0, index: 1 }, "ArrowLeft", { day: 0, index: 1 }],
    ["right on the last day with slots stays", { day: 3, index: 0 }, "ArrowRight", { day: 3, index: 0 }],
    ["Home is the day's first slot", { day: 0, index: 2 }, "Home", { day: 0, index: 0 }],
    ["End is the day's last slot", { day: 0, index: 0 }, "End", { day: 0, index: 2 }],
  ])("%s", (_, from, key, to) => {
    expect(moveSlot(week, from, key)).toEqual(to);
  });

  it("right from 10:00 takes 10:30 over 9:15", () => {
    expect(moveSlot([[600], [555, 630]], { day: 0, index: 0 }, "ArrowRight")).toEqual({ day: 1, index: 1 });
  });

  it("of two times as near, takes the earlier", () => {
    expect(moveSlot([[600], [570, 630]], { day: 0, index: 0 }, "ArrowRight")).toEqual({ day: 1, index: 0 });
  });
});
