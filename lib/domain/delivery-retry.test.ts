import { describe, expect, it } from "vitest";
import { GIVE_UP_AFTER_MS, retryDelayMs, shouldGiveUp } from "./delivery-retry";

const HOUR = 60 * 60_000;
const middle = () => 0.5; // no jitter

describe("delivery retries (C4, C5)", () => {
  it("waits 30 s after the first failure, doubling each time, never more than an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((attempts) => retryDelayMs(attempts, middle))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, HOUR, HOUR]);
  });

  it("spreads retries by ±25 % so that messages failed together do not retry together", () => {
    expect(retryDelayMs(1, () => 0)).toBe(22_500);
    expect(retryDelayMs(1, () => 1)).toBe(37_500);
  });

  it("gives up after 24 hours, or at once when the failure is permanent", () => {
    const created = new Date("2030-01-01T00:00:00Z");
    expect(shouldGiveUp(created, new Date(created.getTime() + GIVE_UP_AFTER_MS - 1), false)).toBe(false);
    expect(shouldGiveUp(created, new Date(created.getTime() + GIVE_UP_AFTER_MS), false)).toBe(true);
    expect(shouldGiveUp(created, created, true)).toBe(true);
  });
});
