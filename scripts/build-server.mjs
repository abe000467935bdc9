// Compiles the server into one JavaScript file, server/dist/ruche.mjs, which `npm start` runs:
// compiled ahead of time, the server starts faster and holds about 100 MB less than when tsx
// compiles it in memory at run time (bench/README.md). Dependencies stay in node_modules; only
// Ruche's own code (server and contracts) is bundled.
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, "server/dist");

/** Every bare import is a dependency from node_modules, except Ruche's own workspaces. */
const dependenciesStayExternal = {
  name: "dependencies-stay-external",
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith("@ruche/") ? undefined : { external: true }));
  },
};

export async function buildServer() {
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: [path.join(root, "server/src/main.ts")],
    outfile: path.join(outdir, "ruche.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    logLevel: "warning",
    plugins: [dependenciesStayExternal],
  });
  // Read at run time next to the module that reads it (platform/passwords.ts).
  await copyFile(path.join(root, "server/src/platform/common-passwords.txt"), path.join(outdir, "common-passwords.txt"));
  // Started as a worker thread next to the module that starts it (modules/attachments/extraction.ts).
  await copyFile(path.join(root, "server/src/modules/attachments/extraction-worker.mjs"), path.join(outdir, "extraction-worker.mjs"));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
