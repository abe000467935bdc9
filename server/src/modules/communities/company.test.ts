import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, eventually, type TestContext } from "../../../test/context.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe("the company community at first start", () => {
  it("exists once, and takes the organisation's name when setup names it", async () => {
    const before = await t.db.selectFrom("communities").select(["name", "visibility"]).where("kind", "=", "company").execute();
    expect(before).toEqual([{ name: "Ruche", visibility: "public" }]);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/setup",
      payload: {
        organisationName: "Acme",
        defaultLanguage: "en",
        defaultTimezone: "Europe/Paris",
        admin: { email: "founder@acme.example", displayName: "Ada Founder", password: "a long enough passphrase" },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const renamed = await eventually(async () => {
      const row = await t.db.selectFrom("communities").select("name").where("kind", "=", "company").executeTakeFirstOrThrow();
      return row.name === "Acme" ? row : undefined;
    });
    expect(renamed.name).toBe("Acme");
  });
});
