import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ work: false });
});
afterAll(() => t.close());

describe("the accounts API description", () => {
  it("documents every accounts route with its success and error responses", async () => {
    const spec = (await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const expected: [string, string, string, string][] = [
      ["/api/v1/setup", "get", "auth", "200"],
      ["/api/v1/setup", "post", "auth", "201"],
      ["/api/v1/auth/login", "post", "auth", "200"],
      ["/api/v1/auth/logout", "post", "auth", "204"],
      ["/api/v1/auth/session", "get", "auth", "200"],
      ["/api/v1/auth/password", "post", "auth", "200"],
      ["/api/v1/me/tokens", "get", "tokens", "200"],
      ["/api/v1/me/tokens", "post", "tokens", "201"],
      ["/api/v1/me/tokens/{id}", "delete", "tokens", "204"],
    ];
    for (const [path, method, tag, success] of expected) {
      const operation = spec.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation.tags).toEqual([tag]);
      expect(Object.keys(operation.responses)).toContain(success);
    }
    expect(Object.keys(spec.paths["/api/v1/auth/login"].post.responses)).toEqual(expect.arrayContaining(["401", "429"]));
  });
});
