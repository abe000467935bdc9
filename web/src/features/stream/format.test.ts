import { describe, expect, it } from "vitest";
import { characterBudget, formatBytes, formatCount, relativeTime } from "./format.ts";

const now = new Date("2025-03-12T10:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe("relativeTime", () => {
  it("says 'now' for the last few seconds", () => {
    expect(relativeTime(ago(10), now, "fr")).toBe("maintenant");
    expect(relativeTime(ago(10), now, "en")).toBe("now");
  });

  it("counts minutes, hours and days in the reader's language", () => {
    expect(relativeTime(ago(5 * 60), now, "fr")).toBe("il y a 5 minutes");
    expect(relativeTime(ago(3 * 3600), now, "en")).toBe("3 hours ago");
    expect(relativeTime(ago(86_400), now, "fr")).toBe("hier");
  });

  it("gives the date beyond a week, with the year only when it is not this one", () => {
    expect(relativeTime("2025-02-01T10:00:00Z", now, "fr")).toBe("1 févr.");
    expect(relativeTime("2024-02-01T10:00:00Z", now, "en")).toBe("Feb 1, 2024");
  });
});

describe("formatBytes", () => {
  // ICU versions differ in the kind of space between number and unit.
  const spaced = (text: string) => text.replace(/\s/gu, " ");

  it("writes sizes with the reader's units and decimal sign", () => {
    expect(spaced(formatBytes(2_400_000, "fr"))).toBe("2,4 Mo");
    expect(spaced(formatBytes(2_400_000, "en"))).toBe("2.4 MB");
    expect(spaced(formatBytes(512, "en"))).toBe("512 bytes");
    expect(spaced(formatBytes(512, "fr"))).toBe("512 octets");
    expect(spaced(formatBytes(25_000, "fr"))).toBe("25 ko");
  });
});

describe("formatCount", () => {
  it("keeps small counts whole and shortens large ones", () => {
    expect(formatCount(12, "fr")).toBe("12");
    expect(formatCount(1_250, "en")).toBe("1.3K");
  });
});

describe("characterBudget", () => {
  it("shows the counter in the last tenth and flags going over", () => {
    expect(characterBudget(100, 20_000)).toEqual({ remaining: 19_900, near: false, over: false });
    expect(characterBudget(18_500, 20_000)).toEqual({ remaining: 1_500, near: true, over: false });
    expect(characterBudget(20_001, 20_000)).toEqual({ remaining: -1, near: true, over: true });
  });
});
