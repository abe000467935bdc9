// `npm run dev`: the API (restarted on change by tsx watch) and Vite's hot-reloading web app together.
import { spawn } from "node:child_process";

const children = [
  spawn("npx", ["tsx", "watch", "src/main.ts", "start"], { cwd: "server", stdio: "inherit", env: { ...process.env, PORT: process.env.PORT ?? "3000" } }),
  spawn("npm", ["run", "-w", "web", "dev"], { stdio: "inherit" }),
];
const stop = () => children.forEach((child) => child.kill("SIGINT"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
