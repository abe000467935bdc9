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

/** A phone held upright: 375 × 812 CSS pixels, touch, mobile viewport rules. */
const phone = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;
const desktop = { viewport: { width: 1280, height: 900 } } as const;

/** Where a visitor in each locale lives, so the browser's clock is theirs. */
const timeZoneOf: Record<string, string> = { "fr-FR": "Europe/Paris", "en-GB": "Europe/London" };

/**
 * A fresh browser profile (no cookies) for one visitor, in `locale` (default English) and its
 * time zone, on a desktop screen unless `phone` is set.
 */
export async function newVisitor(browser: Browser, options: { baseURL: string; locale?: string; phone?: boolean }): Promise<BrowserContext> {
  const locale = options.locale ?? "en-GB";
  const context = await browser.newContext({
    baseURL: options.baseURL,
    locale,
    timezoneId: timeZoneOf[locale] ?? "UTC",
    // Without transitions, axe never reads a menu or modal halfway through fading in.
    reducedMotion: "reduce",
    ...(options.phone ? phone : desktop),
  });
  // A screen that is not there fails in seconds, not after the test's whole budget.
  context.setDefaultTimeout(10_000);
  return context;
}
