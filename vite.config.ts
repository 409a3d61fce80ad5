/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  version: string;
};

export default defineConfig({
  plugins: [
    react(),
    // Service worker (issue 10 item 5): the built app precached so it opens with the server
    // unreachable; a new version waits until the user chooses to update (src/ui/app/update-banner).
    VitePWA({
      registerType: "prompt",
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png,ico,woff2,wasm,txt,json}"],
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: "index.html",
        // The API is never cached or answered by the worker.
        navigateFallbackDenylist: [/^\/api(\/|$)/],
        cleanupOutdatedCaches: true,
        // The first worker controls the page at once; a later one waits for "Update".
        clientsClaim: true,
      },
    }),
  ],
  base: "./",
  define: { "import.meta.env.VITE_APP_VERSION": JSON.stringify(pkg.version) },
  build: {
    outDir: "dist",
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
  },
  worker: { format: "es" },
  preview: { port: 4173, strictPort: true },
  test: {
    reporters: ["default", "./test/setup/summary-reporter.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "core",
          environment: "node",
          include: ["test/unit/**/*.test.ts"],
          // Property tests take about a second alone; the projects run side by side.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "cli",
          environment: "node",
          include: ["test/cli/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          environment: "node",
          include: ["test/db/**/*.test.ts"],
          setupFiles: ["test/setup/db.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "ui",
          environment: "jsdom",
          include: ["test/ui/**/*.test.{ts,tsx}"],
          setupFiles: ["test/setup/dom.ts"],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "server",
          environment: "node",
          include: ["test/server/**/*.test.ts"],
          globalSetup: ["test/server/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: ["test/e2e/**/*.spec.ts"],
          globalSetup: ["test/e2e/global-setup.ts"],
          // After every other project: timing-sensitive browser tests never share the two cores
          // with the unit, database and PostgreSQL tests.
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
