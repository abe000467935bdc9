import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, signIn } from "../../../test/factories.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe("health and API description", () => {
  it("reports ready once the database is reachable and migrated", async () => {
    const response = await t.app.inject({ method: "GET", url: "/readyz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ready" });
  });

  it("answers liveness without touching the database", async () => {
    const response = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(response.json()).toEqual({ status: "ok" });
  });

  it("serves an OpenAPI 3.1 description and the browsable docs", async () => {
    const spec = await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    expect(spec.statusCode).toBe(200);
    expect(spec.json().openapi).toBe("3.1.0");
    const docs = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain("swagger");
  });

  it("answers an unknown route with a catalogued 404", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("route_not_found");
  });

  it("echoes a request id", async () => {
    const response = await t.app.inject({ method: "GET", url: "/healthz", headers: { "x-request-id": "abc-123" } });
    expect(response.headers["x-request-id"]).toBe("abc-123");
  });

  it("serves Prometheus metrics to loopback callers only", async () => {
    const local = await t.app.inject({ method: "GET", url: "/metrics", remoteAddress: "127.0.0.1" });
    expect(local.statusCode).toBe(200);
    expect(local.body).toContain("ruche_http_request_duration_seconds");
    const remote = await t.app.inject({ method: "GET", url: "/metrics", remoteAddress: "203.0.113.9" });
    expect(remote.statusCode).toBe(403);
    expect(remote.json().error.code).toBe("forbidden");
  });

  it("serves metrics to an admin's access token from anywhere, and to nobody else", async () => {
    const tokenOf = async (role: "admin" | "member") => {
      const user = await buildUser(t.db, { role });
      const browser = await signIn(t.app, t.db, user.id);
      const created = await browser.inject({ method: "POST", url: "/api/v1/me/tokens", payload: { name: "monitoring" } });
      expect(created.statusCode).toBe(201);
      return created.json().secret as string;
    };
    const remoteAddress = "203.0.113.10";
    const asAdmin = await t.app.inject({ method: "GET", url: "/metrics", remoteAddress, headers: { authorization: `Bearer ${await tokenOf("admin")}` } });
    expect(asAdmin.statusCode).toBe(200);
    const asMember = await t.app.inject({ method: "GET", url: "/metrics", remoteAddress, headers: { authorization: `Bearer ${await tokenOf("member")}` } });
    expect(asMember.statusCode).toBe(403);
  });
});
