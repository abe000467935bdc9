import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `npm run dev` passes PORT to both the API and Vite, so the proxy finds the API wherever it listens.
const api = `http://localhost:${process.env.PORT ?? "3000"}`;

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    // ws: the realtime stream (/api/v1/stream) is a WebSocket upgrade.
    proxy: { "/api": { target: api, ws: true }, "/healthz": api },
  },
  build: { outDir: "dist", emptyOutDir: true },
});
