import type { BrowserContext, Locator, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Where a payload that ran would show, whichever way it got in: every payload of the XSS journey
 * either opens a dialog (`alert(1)`), writes the `window.__xss` sentinel, or asks for `/xss-hit`.
 */
export const SENTINEL = "__xss";
export const HIT_PATH = "/xss-hit";

/** Tags the server's sanitiser lets through in rendered Markdown; anything else there got past it. */
const RENDERED_TAGS = new Set([
  "p", "br", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li", "a", "span", "hr",
  "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
]);

/** Records everything that would mean a payload ran, in every page of the contexts it watches. */
export interface XssWatch {
  /** What ran: dialogs, sentinel writes, requests to `/xss-hit`. Empty while all is well. */
  readonly fired: string[];
  /** Watches a browser context before its pages open; links leaving Ruche get a blank page, not the network. */
  watchContext(context: BrowserContext): Promise<void>;
  /** Dismisses and records the dialogs of one page. */
  watchPage(page: Page): void;
}

/** A watch for the Ruche at `rucheUrl`. */
export function createXssWatch(rucheUrl: string): XssWatch {
  const fired: string[] = [];
  const origin = new URL(rucheUrl).origin;
  return {
    fired,
    async watchContext(context) {
      // Survives reloads and reaches frames: a write to the sentinel is reported at once, whatever page made it.
      await context.exposeBinding("__xssFired", ({ frame }, value: string) => void fired.push(`window.${SENTINEL} = ${value} on ${frame.url()}`));
      await context.addInitScript((name: string) => {
        let value: unknown;
        const report = (window as unknown as { __xssFired?: (value: string) => void }).__xssFired;
        Object.defineProperty(window, name, {
          configurable: false,
          get: () => value,
          set: (next: unknown) => {
            value = next;
            report?.(String(next));
          },
        });
      }, SENTINEL);
      context.on("request", (request) => {
        if (new URL(request.url()).pathname.startsWith(HIT_PATH)) fired.push(`request to ${request.url()}`);
      });
      await context.route(
        (url) => url.origin !== origin,
        (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Ailleurs</title><p>Ailleurs</p>" }),
      );
    },
    watchPage(page) {
      page.on("dialog", (dialog) => {
        fired.push(`${dialog.type()} "${dialog.message()}" on ${page.url()}`);
        void dialog.dismiss();
      });
    },
  };
}

/**
 * Markup in the page that could run script: an `on*` attribute, a `javascript:`, `vbscript:` or
 * non-image `data:` address, a `srcdoc`, a frame, object or embed, a script in the body, or, in
 * rendered Markdown, any tag the sanitiser does not allow. Runs in the page.
 */
function scriptCapableMarkup(renderedTags: string[]): string[] {
  const allowed = new Set(renderedTags);
  const found: string[] = [];
  const describe = (element: Element) => `<${element.tagName.toLowerCase()}> ${element.outerHTML.slice(0, 160)}`;
  const urlAttributes = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"]);
  for (const element of Array.from(document.querySelectorAll("*"))) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      // Browsers ignore control characters and spaces inside a scheme: "java\tscript:" still runs.
      const value = Array.from(attribute.value)
        .filter((character) => character.charCodeAt(0) > 0x20)
        .join("")
        .toLowerCase();
      if (name.startsWith("on")) found.push(`${name} on ${describe(element)}`);
      if (name === "srcdoc") found.push(`srcdoc on ${describe(element)}`);
      const scriptUrl = /^(javascript|vbscript):/.test(value) || (value.startsWith("data:") && !/^data:image\/(png|jpeg|gif|webp)[;,]/.test(value));
      if (urlAttributes.has(name) && scriptUrl) found.push(`${name}="${attribute.value}" on ${describe(element)}`);
    }
  }
  for (const element of Array.from(document.querySelectorAll("iframe, frame, object, embed, body script"))) found.push(describe(element));
  for (const element of Array.from(document.querySelectorAll(".rendered-html *"))) {
    if (!allowed.has(element.tagName.toLowerCase())) found.push(`in rendered Markdown: ${describe(element)}`);
  }
  return found;
}

/** Fails unless nothing ran so far and nothing able to run is in the page (`where` names the screen). */
export async function expectInert(watch: XssWatch, page: Page, where: string): Promise<void> {
  expect(watch.fired, `script ran (${where})`).toEqual([]);
  expect(await page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], SENTINEL), `window.${SENTINEL} (${where})`).toBeUndefined();
  expect(await page.evaluate(scriptCapableMarkup, [...RENDERED_TAGS]), `script-capable markup (${where})`).toEqual([]);
}

/**
 * Clicks every link the rendered Markdown inside `scope` holds, one after another, coming back to
 * the screen after each, and checks that none ran anything. Links that leave Ruche open a blank
 * page (see `watchContext`). Answers the addresses clicked.
 */
export async function clickRenderedLinks(watch: XssWatch, scope: Locator, where: string): Promise<string[]> {
  const page = scope.page();
  const screen = page.url();
  const links = scope.locator(".rendered-html a");
  const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
  for (const [index, href] of hrefs.entries()) {
    await links.nth(index).click();
    await page.waitForURL((url) => url.href !== screen);
    await page.waitForLoadState("load");
    await expectInert(watch, page, `${where}, after following ${href}`);
    await page.goBack();
    await page.waitForURL(screen);
    await links.nth(hrefs.length - 1).waitFor();
  }
  return hrefs;
}
