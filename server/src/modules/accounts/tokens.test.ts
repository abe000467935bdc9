import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";
import { hashSecret, newId } from "../../platform/ids.ts";
import { encodeCursor } from "../../platform/pagination.ts";
import { codeOf, fieldsOf, oversizedText } from "./test-helpers.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ work: false });
});
afterAll(() => t.close());

async function signedInPerson(): Promise<Browser> {
  const user = await buildUser(t.db);
  return signIn(t.app, t.db, user.id);
}

function createToken(browser: Browser, payload: unknown) {
  return browser.inject({ method: "POST", url: "/api/v1/me/tokens", payload: payload as object });
}

function listTokens(browser: Browser, query = "") {
  return browser.inject({ method: "GET", url: `/api/v1/me/tokens${query}` });
}

function asBearer(secret: string, url = "/api/v1/auth/session") {
  return t.app.inject({ method: "GET", url, headers: { authorization: `Bearer ${secret}` } });
}

async function tokenRows(userId: string) {
  return t.db.selectFrom("access_tokens").selectAll().where("user_id", "=", userId).execute();
}

/** Inserts `count` live tokens directly, without going through the API; `createdAt` gives each its instant. */
async function insertTokens(userId: string, count: number, createdAt?: (index: number) => string): Promise<void> {
  const rows = Array.from({ length: count }, (_, index) => ({
    id: newId(),
    user_id: userId,
    name: `token ${index}`,
    prefix: "ruche_pat_xxxxxx",
    token_hash: hashSecret(`secret-${userId}-${index}`),
    ...(createdAt ? { created_at: createdAt(index) } : {}),
  }));
  await t.db.insertInto("access_tokens").values(rows).execute();
}

/** Every token id the list shows, following its cursors two at a time. */
async function listAllIds(browser: Browser): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : "?limit=2";
    const page = (await listTokens(browser, query)).json() as { items: { id: string }[]; nextCursor: string | null };
    seen.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

describe("creating an access token", () => {
  it("returns the secret once and stores only its hash and a display prefix", async () => {
    const browser = await signedInPerson();
    const response = await createToken(browser, { name: "  Deploy script  ", expiresInDays: 30 });
    expect(response.statusCode).toBe(201);
    const { token, secret } = response.json();
    expect(secret).toMatch(/^ruche_pat_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: "Deploy script", prefix: secret.slice(0, 16), lastUsedAt: null });
    const expiresIn = new Date(token.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(29.9 * 86_400_000);
    expect(expiresIn).toBeLessThanOrEqual(30 * 86_400_000);

    const [row] = await tokenRows(browser.userId);
    expect(row?.token_hash).toBe(hashSecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const listed = await listTokens(browser);
    expect(JSON.stringify(listed.json())).not.toContain(secret);
  });

  it("authenticates its owner as a bearer token", async () => {
    const browser = await signedInPerson();
    const { secret } = (await createToken(browser, { name: "ci" })).json();
    const response = await asBearer(secret);
    expect(response.statusCode).toBe(200);
    expect(response.json().user.id).toBe(browser.userId);
  });

  it("never expires when no lifetime is given", async () => {
    const browser = await signedInPerson();
    const response = await createToken(browser, { name: "forever" });
    expect(response.json().token.expiresAt).toBeNull();
  });

  it("cannot be created with a token, only from a signed-in session", async () => {
    const browser = await signedInPerson();
    const { secret } = (await createToken(browser, { name: "ci" })).json();
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/me/tokens",
      payload: { name: "minted by a script" },
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(response.statusCode).toBe(403);
    expect(codeOf(response)).toBe("forbidden");
    expect(await tokenRows(browser.userId)).toHaveLength(1);
  });

  it("requires being signed in", async () => {
    const response = await t.app.inject({ method: "POST", url: "/api/v1/me/tokens", payload: { name: "anonymous" } });
    expect(response.statusCode).toBe(401);
    expect(codeOf(response)).toBe("authentication_required");
  });

  it("stops at 50 live tokens per person, naming name", async () => {
    const browser = await signedInPerson();
    await insertTokens(browser.userId, 50);
    const response = await createToken(browser, { name: "one too many" });
    expect(response.statusCode).toBe(400);
    expect(codeOf(response)).toBe("validation_failed");
    expect(fieldsOf(response)).toEqual(["name"]);
    expect(await tokenRows(browser.userId)).toHaveLength(50);
  });

  it("does not count revoked or expired tokens towards the cap", async () => {
    const browser = await signedInPerson();
    await insertTokens(browser.userId, 50);
    const ids = (await tokenRows(browser.userId)).map((row) => row.id);
    await t.db.updateTable("access_tokens").set({ revoked_at: new Date() }).where("id", "=", ids[0] ?? "").execute();
    await t.db.updateTable("access_tokens").set({ expires_at: new Date(Date.now() - 1000) }).where("id", "=", ids[1] ?? "").execute();
    expect((await createToken(browser, { name: "fits again" })).statusCode).toBe(201);
    expect((await createToken(browser, { name: "fits again too" })).statusCode).toBe(201);
    expect((await createToken(browser, { name: "over" })).statusCode).toBe(400);
  });
});

describe("creating an access token refuses bad input and writes nothing", () => {
  async function expectRefused(payload: unknown, expected: { status: number; code: string; fields?: string[] }): Promise<void> {
    const browser = await signedInPerson();
    const response =
      typeof payload === "string"
        ? await browser.inject({ method: "POST", url: "/api/v1/me/tokens", payload, headers: { "content-type": "application/json" } })
        : await createToken(browser, payload);
    expect(response.statusCode).toBe(expected.status);
    expect(codeOf(response)).toBe(expected.code);
    if (expected.fields) expect(fieldsOf(response)).toEqual(expected.fields);
    expect(await tokenRows(browser.userId)).toEqual([]);
  }

  it("refuses an empty name", () => expectRefused({ name: "" }, { status: 400, code: "validation_failed", fields: ["name"] }));
  it("refuses a blank name", () => expectRefused({ name: "   " }, { status: 400, code: "validation_failed", fields: ["name"] }));
  it("refuses a name that is not text", () => expectRefused({ name: 7 }, { status: 400, code: "validation_failed", fields: ["name"] }));
  it("refuses a lifetime of zero days", () =>
    expectRefused({ name: "x", expiresInDays: 0 }, { status: 400, code: "validation_failed", fields: ["expiresInDays"] }));
  it("refuses a lifetime given as text", () =>
    expectRefused({ name: "x", expiresInDays: "30" }, { status: 400, code: "validation_failed", fields: ["expiresInDays"] }));
  it("refuses unknown fields", () =>
    expectRefused({ name: "x", scopes: ["admin"] }, { status: 400, code: "validation_failed", fields: ["scopes"] }));
  it("refuses malformed JSON", () => expectRefused('{"name": "x"', { status: 400, code: "invalid_json" }));
  it("refuses a body over 1 MiB", () => expectRefused(JSON.stringify({ name: oversizedText }), { status: 413, code: "body_too_large" }));
});

describe("listing access tokens", () => {
  it("pages through the caller's tokens, newest first", async () => {
    const browser = await signedInPerson();
    for (const name of ["first", "second", "third"]) await createToken(browser, { name });
    const firstPage = await listTokens(browser, "?limit=2");
    expect(firstPage.statusCode).toBe(200);
    expect(firstPage.json().items.map((item: { name: string }) => item.name)).toEqual(["third", "second"]);
    const cursor = firstPage.json().nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const secondPage = await listTokens(browser, `?limit=2&cursor=${encodeURIComponent(cursor)}`);
    expect(secondPage.json()).toMatchObject({ items: [{ name: "first" }], nextCursor: null });
  });

  it("does not skip tokens created at the same instant", async () => {
    const browser = await signedInPerson();
    // One statement gives every row the same now(): only the id breaks the tie.
    await insertTokens(browser.userId, 5);
    const seen = await listAllIds(browser);
    expect(new Set(seen).size).toBe(5);
  });

  it("does not skip tokens created microseconds apart within one millisecond", async () => {
    const browser = await signedInPerson();
    await insertTokens(browser.userId, 5, (index) => `2025-06-01T12:00:00.1231${index}0Z`);
    const seen = await listAllIds(browser);
    expect(new Set(seen).size).toBe(5);
  });

  it("shows neither someone else's tokens nor revoked ones", async () => {
    const browser = await signedInPerson();
    const other = await signedInPerson();
    await createToken(other, { name: "not yours" });
    const kept = (await createToken(browser, { name: "kept" })).json();
    const revoked = (await createToken(browser, { name: "revoked" })).json();
    await browser.inject({ method: "DELETE", url: `/api/v1/me/tokens/${revoked.token.id}` });
    const response = await listTokens(browser);
    expect(response.json()).toEqual({ items: [kept.token], nextCursor: null });
  });

  it("refuses a malformed cursor, naming cursor", async () => {
    const browser = await signedInPerson();
    for (const cursor of ["not-a-cursor", encodeCursor("yesterday", newId()), encodeCursor("2025-01-01T00:00:00.000000Z", "42")]) {
      const response = await listTokens(browser, `?cursor=${encodeURIComponent(cursor)}`);
      expect(response.statusCode).toBe(400);
      expect(codeOf(response)).toBe("validation_failed");
      expect(fieldsOf(response)).toEqual(["cursor"]);
    }
  });

  it("refuses a limit out of range, naming limit", async () => {
    const browser = await signedInPerson();
    const response = await listTokens(browser, "?limit=1000");
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(["limit"]);
  });
});

describe("revoking an access token", () => {
  it("answers 204, and the token authenticates nothing from the very next request", async () => {
    const browser = await signedInPerson();
    const { token, secret } = (await createToken(browser, { name: "leaked" })).json();
    expect((await asBearer(secret)).statusCode).toBe(200);
    const response = await browser.inject({ method: "DELETE", url: `/api/v1/me/tokens/${token.id}` });
    expect(response.statusCode).toBe(204);
    const refused = await asBearer(secret);
    expect(refused.statusCode).toBe(401);
    expect(codeOf(refused)).toBe("authentication_required");
  });

  it("answers 404 token_not_found for someone else's token, and leaves it working", async () => {
    const browser = await signedInPerson();
    const other = await signedInPerson();
    const { token, secret } = (await createToken(other, { name: "theirs" })).json();
    const response = await browser.inject({ method: "DELETE", url: `/api/v1/me/tokens/${token.id}` });
    expect(response.statusCode).toBe(404);
    expect(codeOf(response)).toBe("token_not_found");
    expect((await asBearer(secret)).statusCode).toBe(200);
  });

  it("answers the same 404 for an unknown id and for a token already revoked", async () => {
    const browser = await signedInPerson();
    const unknown = await browser.inject({ method: "DELETE", url: `/api/v1/me/tokens/${newId()}` });
    const { token } = (await createToken(browser, { name: "twice" })).json();
    await browser.inject({ method: "DELETE", url: `/api/v1/me/tokens/${token.id}` });
    const again = await browser.inject({ method: "DELETE", url: `/api/v1/me/tokens/${token.id}` });
    expect(unknown.statusCode).toBe(404);
    expect(again.json()).toEqual(unknown.json());
  });

  it("refuses an id that is not a UUID, naming id", async () => {
    const browser = await signedInPerson();
    const response = await browser.inject({ method: "DELETE", url: "/api/v1/me/tokens/42" });
    expect(response.statusCode).toBe(400);
    expect(codeOf(response)).toBe("validation_failed");
    expect(fieldsOf(response)).toEqual(["id"]);
  });
});

describe("expired tokens", () => {
  it("authenticate nothing once past their expiry", async () => {
    const browser = await signedInPerson();
    const { token, secret } = (await createToken(browser, { name: "short-lived", expiresInDays: 1 })).json();
    await t.db.updateTable("access_tokens").set({ expires_at: new Date(Date.now() - 1000) }).where("id", "=", token.id).execute();
    const response = await asBearer(secret);
    expect(response.statusCode).toBe(401);
    expect(codeOf(response)).toBe("authentication_required");
  });

  it("are still listed, with their expiry, until revoked", async () => {
    const browser = await signedInPerson();
    const { token } = (await createToken(browser, { name: "expired", expiresInDays: 1 })).json();
    await t.db.updateTable("access_tokens").set({ expires_at: new Date(Date.now() - 1000) }).where("id", "=", token.id).execute();
    const listed = (await listTokens(browser)).json();
    expect(listed.items.map((item: { id: string }) => item.id)).toEqual([token.id]);
  });
});
