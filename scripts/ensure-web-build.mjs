// `npm start` serves the web app from web/dist: build it first when no build exists yet.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync(new URL("../web/dist/index.html", import.meta.url))) {
  console.log("Building the web app (first start only)...");
  execSync("npm run --silent -w web build", { stdio: "inherit" });
}
