// `npm start` serves the web app from web/dist: build it when there is no build yet, or when the
// web app's sources (or the contracts it uses) changed since the last build.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const built = path.join(root, "web/dist/index.html");
const sources = ["web/src", "web/index.html", "web/vite.config.ts", "web/package.json", "contracts/src"].map((p) => path.join(root, p));

function newestChange(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((name) => newestChange(path.join(target, name))));
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
if (builtAt === 0 || Math.max(...sources.map(newestChange)) > builtAt) {
  console.log(builtAt === 0 ? "Building the web app (first start only)..." : "The web app changed: rebuilding it...");
  execSync("npm run --silent -w web build", { stdio: "inherit", cwd: root });
}
