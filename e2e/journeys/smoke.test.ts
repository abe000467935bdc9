import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newVisitor } from "../support/browser.ts";
import { startRuche, type RunningRuche } from "../support/ruche.ts";

let ruche: RunningRuche;
let browser: Browser;

beforeAll(async () => {
  [ruche, browser] = await Promise.all([startRuche(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await ruche?.stop();
});

describe("a first visit", () => {
  it("shows the organisation's name and a link to the API documentation", async () => {
    const visitor = await newVisitor(browser, { baseURL: ruche.url });
    const page = await visitor.newPage();
    await page.goto("/");

    // The tagline shows once the organisation has been fetched from the API.
    await page.getByText("Le réseau social de votre organisation").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Ruche");
    // The organisation's default language is French until an admin changes it.
    const docs = page.getByRole("link", { name: "Documentation de l'API" });
    expect(await docs.getAttribute("href")).toBe("/api/docs");
    await visitor.close();
  });

  it("opens the browsable API documentation from that link", async () => {
    const visitor = await newVisitor(browser, { baseURL: ruche.url });
    const page = await visitor.newPage();
    await page.goto("/");
    await page.getByRole("link", { name: "Documentation de l'API" }).click();

    await page.waitForURL(/\/api\/docs\/?/);
    await page.locator(".swagger-ui .info .title").waitFor();
    expect(await page.locator(".swagger-ui .info .title").textContent()).toContain("Ruche API");
    await visitor.close();
  });
});
