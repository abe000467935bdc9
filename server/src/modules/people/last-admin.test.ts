import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn, type Browser } from "../../../test/factories.ts";

// Each test starts from its own database: "the last admin" depends on every admin there is.
let t: TestContext | undefined;
beforeEach(async () => {
  await t?.close();
  t = await createTestContext({ work: false });
});
afterAll(() => t?.close());

function context(): TestContext {
  if (!t) throw new Error("no test context");
  return t;
}

async function signedInAdmin(): Promise<Browser> {
  const { app, db } = context();
  return signIn(app, db, (await buildUser(db, { role: "admin" })).id);
}

async function roleAndStatus(id: string) {
  return context().db.selectFrom("users").select(["role", "status"]).where("id", "=", id).executeTakeFirstOrThrow();
}

describe("keeping one active admin", () => {
  it("refuses to demote the last active admin", async () => {
    const admin = await signedInAdmin();
    const response = await admin.inject({ method: "PUT", url: `/api/v1/people/${admin.userId}/role`, payload: { role: "member" } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("last_admin");
    expect(await roleAndStatus(admin.userId)).toEqual({ role: "admin", status: "active" });
  });

  it("refuses to deactivate the last active admin", async () => {
    const admin = await signedInAdmin();
    const response = await admin.inject({ method: "POST", url: `/api/v1/people/${admin.userId}/deactivate` });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("last_admin");
    expect(await roleAndStatus(admin.userId)).toEqual({ role: "admin", status: "active" });
    expect((await admin.inject({ method: "GET", url: "/api/v1/me" })).statusCode).toBe(200);
  });

  it("does not count a deactivated admin", async () => {
    const admin = await signedInAdmin();
    await buildUser(context().db, { role: "admin", status: "deactivated", deactivated_at: new Date() });
    const response = await admin.inject({ method: "PUT", url: `/api/v1/people/${admin.userId}/role`, payload: { role: "guest" } });
    expect(response.statusCode).toBe(409);
  });

  it("lets an admin step down when another remains", async () => {
    const admin = await signedInAdmin();
    const other = await buildUser(context().db, { role: "admin" });
    const response = await admin.inject({ method: "PUT", url: `/api/v1/people/${admin.userId}/role`, payload: { role: "member" } });
    expect(response.statusCode).toBe(200);
    expect(await roleAndStatus(admin.userId)).toEqual({ role: "member", status: "active" });
    const { app, db } = context();
    const remaining = await signIn(app, db, other.id);
    const last = await remaining.inject({ method: "POST", url: `/api/v1/people/${other.id}/deactivate` });
    expect(last.statusCode).toBe(409);
  });

  it("keeps one admin when two demote each other at the same time", async () => {
    const first = await signedInAdmin();
    const second = await signedInAdmin();
    const responses = await Promise.all([
      first.inject({ method: "PUT", url: `/api/v1/people/${second.userId}/role`, payload: { role: "member" } }),
      second.inject({ method: "PUT", url: `/api/v1/people/${first.userId}/role`, payload: { role: "member" } }),
    ]);
    // The loser is refused either by the lock (409) or, if the winner committed before it was
    // authorised, because it is no longer an admin (403); never do both succeed.
    const [winner, loser] = responses.map((response) => response.statusCode).sort();
    expect(winner).toBe(200);
    expect([403, 409]).toContain(loser);
    const admins = await context().db.selectFrom("users").select("id").where("role", "=", "admin").execute();
    expect(admins).toHaveLength(1);
  });
});
