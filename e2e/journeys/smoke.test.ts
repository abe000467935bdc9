import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newVisitor } from "../support/browser.ts";
import { startRuche, type RunningRuche } from "../support/ruche.ts";

let fresh: RunningRuche;
let withAdmin: RunningRuche;
let browser: Browser;

beforeAll(async () => {
  [fresh, withAdmin, browser] = await Promise.all([
    startRuche(),
    startRuche({ RUCHE_ADMIN_EMAIL: "admin@example.com", RUCHE_ADMIN_PASSWORD: "a long admin passphrase" }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([fresh?.stop(), withAdmin?.stop()]);
});

describe("a first visit", () => {
  it("sends the first visitor of a Ruche without an administrator to the setup screen", async () => {
    const visitor = await newVisitor(browser, { baseURL: fresh.url });
    const page = await visitor.newPage();
    await page.goto("/");
    await page.waitForURL(/\/setup$/);
    await visitor.close();
  });

  it("asks a visitor to sign in, in the browser's language", async () => {
    for (const [locale, heading] of [
      ["en-GB", "Sign in"],
      ["fr-FR", "Connexion"],
    ] as const) {
      const visitor = await newVisitor(browser, { baseURL: withAdmin.url, locale });
      const page = await visitor.newPage();
      await page.goto("/people");
      await page.waitForURL(/\/login\?next=%2Fpeople$/);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(heading);
      await visitor.close();
    }
  });

  it("serves the browsable API documentation", async () => {
    const visitor = await newVisitor(browser, { baseURL: withAdmin.url });
    const page = await visitor.newPage();
    await page.goto("/api/docs/");
    await page.locator(".swagger-ui .info .title").waitFor();
    expect(await page.locator(".swagger-ui .info .title").textContent()).toContain("Ruche API");
    await visitor.close();
  });
});
