import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { repositoryRoot } from "../../server/test/process.ts";
import { chromiumPath } from "./browser.ts";

const builtApp = path.join(repositoryRoot, "web/dist/index.html");
const builtAt = () => (existsSync(builtApp) ? statSync(builtApp).mtimeMs : 0);

/**
 * Checks what every journey needs once: a browser, and a built web app for Ruche to serve. The
 * returned teardown warns when web/dist was rebuilt during the run: every Ruche serves it from
 * disk, so a page loaded mid-build comes back blank (a 404 on the page itself) and fails a journey.
 */
export default function setup(): () => void {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  if (!existsSync(builtApp)) {
    execFileSync(process.execPath, [path.join(repositoryRoot, "scripts/ensure-build.mjs")], { cwd: repositoryRoot, stdio: "inherit" });
  }
  const before = builtAt();
  return () => {
    if (builtAt() !== before) console.warn("\nweb/dist was rebuilt while the journeys ran: a failure on a blank page may come from that rebuild, not from the app.\n");
  };
}
