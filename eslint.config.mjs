import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The dependency direction, kept by the linter rather than by memory:
//   app → components → lib/server → lib/domain, with db below lib/server.
// Each zone lists a folder (`target`) and what it may not import (`from`).
const layers = [
  { target: "./components", from: ["./app", "./db"], message: "Components are used by routes (pass server actions in as props) and read data through lib/server." },
  { target: "./components/ui", from: ["./lib/server", "./db"], message: "UI primitives are presentational: no data access." },
  { target: "./lib/server", from: ["./app", "./components", "./lib/query"], message: "The service layer knows nothing of routes or UI." },
  { target: "./lib/query", from: ["./lib/server", "./db"], message: "Client-side query helpers read the JSON API, not the server's modules." },
  { target: "./lib/forms", from: ["./lib/server", "./db", "./app", "./components"], message: "Form helpers are shared by actions and client forms: no server modules." },
  { target: "./lib/http", from: ["./lib/server", "./db", "./app", "./components"], message: "HTTP rules shared by next.config.ts and proxy.ts: plain code, no server modules." },
  { target: "./db", from: ["./lib/server", "./app", "./components", "./lib/query"], message: "The database layer sits below the service layer." },
  { target: "./lib/domain", from: ["./lib/server", "./db", "./app", "./components", "./lib/query"], message: "The domain is pure: it imports nothing of the server, the database or the UI." },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.{ts,tsx,mjs}"],
    ignores: ["**/*.test.ts", "test/**", "e2e/**", "bench/**", "scripts/**"],
    rules: {
      "import/no-restricted-paths": ["error", { zones: layers }],
    },
  },
  {
    // The domain owns its vocabulary and decides with plain values: no framework, no driver.
    files: ["lib/domain/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["next", "next/*", "react", "react-dom", "drizzle-orm", "drizzle-orm/*", "postgres", "@electric-sql/*", "server-only", "better-auth", "better-auth/*"], message: "lib/domain is pure TypeScript." }] },
      ],
    },
  },
  {
    // Batches of bookings run outside any request (booking/queue.ts): nothing request-scoped there.
    files: ["lib/server/booking/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["next/headers", "next/navigation", "next/cache", "@/lib/server/session", "@/lib/server/auth"], message: "The booking path runs outside any request's context; take the actor as an argument." }] },
      ],
    },
  },
  globalIgnores([".next/**", ".next-*/**", ".data/**", ".test-data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "db/migrations/**"]),
]);
