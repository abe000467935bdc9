import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../test/context.ts";
import { buildUser, signIn } from "../../test/factories.ts";
import { isTimeZone } from "./time-zones.ts";
import { findNulCharacter } from "./validation.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ work: false });
});
afterAll(() => t.close());

describe("request validation shared by every route", () => {
  it("finds a NUL character in nested values and keys", () => {
    expect(findNulCharacter({ admin: { email: "a\u0000b" } })).toBe("admin.email");
    expect(findNulCharacter({ skills: ["ok", "bad\u0000"] })).toBe("skills.1");
    expect(findNulCharacter({ ["k\u0000"]: 1 })).toBe("k\u0000");
    expect(findNulCharacter({ fine: ["yes", 1, null] })).toBeUndefined();
  });

  it("refuses a NUL character in a body field with a 400 naming the field", async () => {
    const response = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: "a@example.com", password: "x\u0000y" } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "validation_failed", details: [{ field: "password" }] });
  });

  it("refuses a NUL character in a query string", async () => {
    const user = await buildUser(t.db);
    const browser = await signIn(t.app, t.db, user.id);
    const response = await browser.inject({ method: "GET", url: "/api/v1/people?q=a%00b" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("q");
  });

  it("refuses a wrong type instead of coercing it, and names the field", async () => {
    const response = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: "a@example.com", password: 12345678901 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ field: "password", code: "type" });
  });

  it("refuses an unknown field instead of dropping it", async () => {
    const response = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: "a@example.com", password: "long enough pass", admin: true } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ field: "admin", message: "is not a known field" });
  });
});

describe("time zones", () => {
  it("knows IANA names, their aliases and UTC, and nothing else", () => {
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(isTimeZone("America/Montreal")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});

describe("URLs and query strings", () => {
  it("refuses a non-finite number in a query string", async () => {
    const user = await buildUser(t.db);
    const browser = await signIn(t.app, t.db, user.id);
    for (const limit of ["Infinity", "1e309", "-Infinity"]) {
      const response = await browser.inject({ method: "GET", url: `/api/v1/people?limit=${limit}` });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe("limit");
    }
  });

  it("answers a badly encoded or over-long path with the catalogue's error shape", async () => {
    for (const url of ["/api/v1/people/%FF", `/api/v1/people/${"a".repeat(150)}`]) {
      const response = await t.app.inject({ method: "GET", url });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe("validation_failed");
    }
  });
});
