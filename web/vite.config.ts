import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `npm run dev` passes PORT to both the API and Vite, so the proxy finds the API wherever it listens.
const api = `http://localhost:${process.env.PORT ?? "3000"}`;

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { "/api": api, "/healthz": api },
  },
  build: { outDir: "dist", emptyOutDir: true },
});
