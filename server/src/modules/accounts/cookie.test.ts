import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import { buildUser, DEFAULT_PASSWORD } from "../../../test/factories.ts";

let plain: TestContext;
let secure: TestContext;
beforeAll(async () => {
  plain = await createTestContext({ work: false });
  secure = await createTestContext({ work: false, config: { publicUrl: "https://ruche.example.com" } });
});
afterAll(async () => {
  await plain.close();
  await secure.close();
});

async function sessionCookieAfterLogin(t: TestContext): Promise<string> {
  const user = await buildUser(t.db);
  const response = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: user.email, password: DEFAULT_PASSWORD } });
  expect(response.statusCode).toBe(200);
  const cookie = [response.headers["set-cookie"]].flat().find((c) => c?.includes("ruche_session="));
  if (!cookie) throw new Error("no session cookie was set");
  return cookie;
}

describe("the session cookie", () => {
  it("is HttpOnly and SameSite=Lax, without Secure, when Ruche is served over plain HTTP", async () => {
    const cookie = await sessionCookieAfterLogin(plain);
    expect(cookie).toMatch(/^ruche_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it("is __Host- prefixed, Secure, with Path=/ and no Domain, when PUBLIC_URL is https", async () => {
    const cookie = await sessionCookieAfterLogin(secure);
    expect(cookie).toMatch(/^__Host-ruche_session=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(cookie).toMatch(/HttpOnly/i);
  });

  it("authenticates later requests under its prefixed name", async () => {
    const cookie = await sessionCookieAfterLogin(secure);
    const pair = cookie.split(";")[0] ?? "";
    const response = await secure.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: { cookie: pair } });
    expect(response.statusCode).toBe(200);
  });
});
