import { chromium, type Browser, type BrowserContext } from "playwright-core";

/** The machine's Chromium (Debian's package), unless CHROMIUM_PATH names another. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const args = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Launches headless Chromium; call `close()` when done. */
export async function launchBrowser(): Promise<Browser> {
  // `headless: false` so Playwright adds no flag of its own: `--headless=new` above decides.
  return chromium.launch({ executablePath: chromiumPath, headless: false, args });
}

/** A fresh browser profile (no cookies) for one visitor, in `locale` (default English). */
export async function newVisitor(browser: Browser, options: { baseURL: string; locale?: string }): Promise<BrowserContext> {
  return browser.newContext({ baseURL: options.baseURL, locale: options.locale ?? "en-GB" });
}
