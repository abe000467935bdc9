// `npm start` serves the web app from web/dist and runs the server compiled in server/dist: build
// each when it has no build yet, or when its sources (or the contracts both use) changed since.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildServer } from "./build-server.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function newestChange(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((name) => newestChange(path.join(target, name))));
}

/** True when `built` is missing or older than any of `sources` (paths from the repository root). */
function stale(built, sources) {
  const builtAt = existsSync(path.join(root, built)) ? statSync(path.join(root, built)).mtimeMs : 0;
  return builtAt === 0 || Math.max(...sources.map((source) => newestChange(path.join(root, source)))) > builtAt;
}

if (stale("web/dist/index.html", ["web/src", "web/index.html", "web/vite.config.ts", "web/package.json", "contracts/src"])) {
  console.log("Building the web app...");
  execSync("npm run --silent -w web build", { stdio: "inherit", cwd: root });
}
if (stale("server/dist/ruche.mjs", ["server/src", "server/migrations", "server/package.json", "contracts/src", "scripts/build-server.mjs"])) {
  console.log("Building the server...");
  await buildServer();
}
