import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";

/** Screenshots of every step land in e2e/artifacts/<journey>/ (ignored by git). */
export const artifactsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../artifacts");

/**
 * Waits until the screen is still: no loader or skeleton, no finite animation or transition
 * running (a modal opening, a notification sliding in), so axe and the screenshot see the
 * settled screen and not a half-faded one.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.waitForFunction(
    () => {
      const busy = document.querySelector(".mantine-Loader-root, .mantine-Skeleton-root[data-visible], [aria-busy='true']");
      const moving = document
        .getAnimations()
        .some((animation) => animation.playState === "running" && animation.effect?.getComputedTiming().iterations !== Infinity);
      return !busy && !moving;
    },
    undefined,
    { timeout: 15_000, polling: 100 },
  );
}

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

/** One readable block per violation: rule, impact, help, and each failing node's target. */
function describeViolation(violation: Violation): string {
  const shown = violation.nodes.slice(0, 6);
  const nodes = shown.map((node) => `    - ${node.target.join(" ")}\n      ${node.html.slice(0, 240)}\n      ${(node.failureSummary ?? "").replace(/\n/g, "\n      ")}`);
  const more = violation.nodes.length > shown.length ? [`    ... and ${violation.nodes.length - shown.length} more nodes`] : [];
  return `[${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${[...nodes, ...more].join("\n")}`;
}

/** Serious and critical axe violations on the page as it stands, described. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map(describeViolation);
}

/**
 * What sticks out past the right edge of a narrow screen, making the whole page scroll sideways
 * (empty when it fits): a tag and class for each of the outermost offending elements.
 */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const offending = Array.from(document.body.querySelectorAll<HTMLElement>("*")).filter((element) => element.getBoundingClientRect().right > width + 1);
    const outermost = offending.filter((element) => !offending.includes(element.parentElement as HTMLElement));
    return outermost.slice(0, 5).map((element) => `${element.tagName.toLowerCase()}.${Array.from(element.classList).join(".")} (right edge at ${Math.round(element.getBoundingClientRect().right)} px of ${width})`);
  });
}

/** The last things that went wrong on a page (script errors, console errors, failed responses), to explain a failed step. */
function watch(page: Page): string[] {
  const log: string[] = [];
  const add = (line: string) => log.push(line) > 30 && log.shift();
  page.on("pageerror", (error) => add(`uncaught ${error.name}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") add(`console error: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) add(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return log;
}

/** A browser journey's record: numbered screenshots and an axe check of every screen it visits. */
export interface Journey {
  /** Opens a page in `context`, watching it for uncaught script errors. */
  open(context: BrowserContext): Promise<Page>;
  /**
   * Once the screen settles: writes `<nn>-<name>.png`, then fails the test (softly: the journey
   * goes on, so one run reports every problem) on any serious or critical axe violation or any
   * uncaught error the page threw; on a phone-sized screen, also when the page scrolls sideways.
   */
  expectAccessible(page: Page, name: string): Promise<void>;
  /** Screenshots every page still open as `<nn>-failed-<page>.png`, to see where a step broke. */
  captureFailure(): Promise<void>;
}

/** Starts recording journey `name`, emptying e2e/artifacts/<name>/ first. */
export async function startJourney(name: string): Promise<Journey> {
  const dir = path.join(artifactsDir, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const pageErrors = new WeakMap<Page, string[]>();
  const diagnostics = new WeakMap<Page, string[]>();
  const pages: Page[] = [];
  let step = 0;
  return {
    async open(context) {
      const page = await context.newPage();
      pages.push(page);
      const errors: string[] = [];
      pageErrors.set(page, errors);
      page.on("pageerror", (error) => errors.push(`${error.name}: ${error.message}`));
      diagnostics.set(page, watch(page));
      return page;
    },
    async expectAccessible(page, screen) {
      step += 1;
      const label = `${String(step).padStart(2, "0")}-${screen}`;
      await settle(page);
      await page.screenshot({ path: path.join(dir, `${label}.png`), fullPage: true });
      expect.soft(await seriousViolations(page), `axe: serious or critical violations on ${name}/${label} (${page.url()})`).toEqual([]);
      if ((page.viewportSize()?.width ?? Infinity) <= 480) {
        expect.soft(await horizontalOverflow(page), `wider than the screen on ${name}/${label}`).toEqual([]);
      }
      const errors = pageErrors.get(page) ?? [];
      expect.soft(errors.splice(0), `uncaught errors on ${name}/${label}`).toEqual([]);
    },
    async captureFailure() {
      step += 1;
      const open = pages.filter((page) => !page.isClosed());
      for (const [index, page] of open.entries()) {
        const file = path.join(dir, `${String(step).padStart(2, "0")}-failed-${index + 1}`);
        await page.screenshot({ path: `${file}.png`, fullPage: true }).catch(() => undefined);
        const log = [`page ${index + 1}: ${page.url()}`, ...(diagnostics.get(page) ?? [])].join("\n");
        await writeFile(`${file}.txt`, `${log}\n`);
        console.log(`${name}, where it broke: ${log}`);
      }
    },
  };
}
