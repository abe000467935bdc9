import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../test/context.ts";
import { serverSecret } from "./secrets.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ work: false });
});
afterAll(() => t.close());

describe("server secrets", () => {
  it("makes a secret once and gives the same value after", async () => {
    let made = 0;
    const make = () => `value-${++made}`;
    expect(await serverSecret(t.db, "test-key", make)).toBe("value-1");
    expect(await serverSecret(t.db, "test-key", make)).toBe("value-1");
    expect(made).toBe(1);
  });

  it("agrees on one value when several ask at once", async () => {
    const values = await Promise.all(Array.from({ length: 8 }, (_, index) => serverSecret(t.db, "raced-key", () => `candidate-${index}`)));
    expect(new Set(values).size).toBe(1);
  });
});
