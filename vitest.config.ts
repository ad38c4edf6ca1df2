import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      // `server-only` throws outside a React Server Component bundle; tests run the
      // server modules directly, which is exactly what the marker is meant to allow.
      { find: /^server-only$/, replacement: `${root}test/server-only-noop.ts` },
    ],
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**", ".test-data/**"],
    globalSetup: ["test/global-setup.ts"],
    // Calendar secrets are sealed with this in tests (a fixed, test-only key: nothing real is sealed with it).
    env: { CALENDAR_ENCRYPTION_KEY: "0".repeat(63) + "1" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers than that only adds PGlite start-up contention.
    maxWorkers: 2,
  },
});
