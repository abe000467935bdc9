import { describe, expect, it } from "vitest";
import { formatDay } from "./dates.ts";

describe("formatDay", () => {
  it("writes a calendar day in the reader's language, whatever the time zone", () => {
    expect(formatDay("2025-03-12", "fr")).toBe("12 mars 2025");
    expect(formatDay("2025-12-31", "en")).toBe("December 31, 2025");
  });
});
