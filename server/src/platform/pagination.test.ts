import { describe, expect, it } from "vitest";
import { AppError } from "./errors.ts";
import { newId } from "./ids.ts";
import { decodeCursor, encodeCursor, pageOf } from "./pagination.ts";

function refusal(cursor: string, kind: "timestamp" | "text" = "timestamp"): AppError {
  try {
    decodeCursor(cursor, kind);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`cursor ${cursor} was accepted`);
}

describe("keyset cursors", () => {
  it("round-trips a timestamp key and an id", () => {
    const id = newId();
    const cursor = encodeCursor("2025-11-28T04:12:00.123456Z", id);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual({ key: "2025-11-28T04:12:00.123456Z", id });
  });

  it("round-trips free text when asked for a text key", () => {
    const id = newId();
    expect(decodeCursor(encodeCursor("zoé l'héritière", id), "text")).toEqual({ key: "zoé l'héritière", id });
  });

  it.each([
    ["not base64 JSON", "%%%"],
    ["JSON that is not a pair", Buffer.from('{"a":1}').toString("base64url")],
    ["a pair with a number", Buffer.from(JSON.stringify([1, newId()])).toString("base64url")],
    ["an id that is not a UUID", encodeCursor("2025-11-28T04:12:00Z", "12")],
    ["a timestamp that is not ISO", encodeCursor("yesterday", newId())],
    ["a date that does not exist", encodeCursor("2025-02-30T00:00:00Z", newId())],
  ])("refuses %s with validation_failed naming cursor", (_label, cursor) => {
    const error = refusal(cursor);
    expect(error.code).toBe("validation_failed");
    expect(error.status).toBe(400);
    expect(error.details?.map((detail) => detail.field)).toEqual(["cursor"]);
  });

  it("gives a next cursor only when a row beyond the limit was fetched", () => {
    const rows = [1, 2, 3].map((n) => ({ key: `k${n}`, id: newId() }));
    const full = pageOf(rows, 2, (row) => [row.key, row.id]);
    expect(full.items).toEqual(rows.slice(0, 2));
    expect(decodeCursor(full.nextCursor ?? "", "text")).toEqual({ key: "k2", id: rows[1]?.id });
    expect(pageOf(rows, 3, (row) => [row.key, row.id]).nextCursor).toBeNull();
  });
});
