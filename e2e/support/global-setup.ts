import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { repositoryRoot } from "../../server/test/process.ts";
import { chromiumPath } from "./browser.ts";

/** Checks what every journey needs once: a browser, and a built web app for Ruche to serve. */
export default function setup(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  if (!existsSync(path.join(repositoryRoot, "web/dist/index.html"))) {
    execFileSync(process.execPath, [path.join(repositoryRoot, "scripts/ensure-web-build.mjs")], { cwd: repositoryRoot, stdio: "inherit" });
  }
}
