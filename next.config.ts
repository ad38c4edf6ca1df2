import type { NextConfig } from "next";
import { MAX_ACTION_BODY_SIZE } from "./lib/http/request-limits";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files it loads from its own folder at run time.
  // pg-boss, tsdav and nodemailer are Node libraries with dynamic requires; load them as they are.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "pg", "tsdav", "nodemailer"],
  // Browser tests talk to the dev server as 127.0.0.1 as well as localhost.
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  // Pages and APIs get these from proxy.ts too (with the CSP); this covers build assets.
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
  // `forbidden()`: admin-only pages answer 403 with app/forbidden.tsx.
  experimental: {
    authInterrupts: true,
    // proxy.ts answers larger bodies with 413 before they get here (see request-limits.ts).
    serverActions: { bodySizeLimit: MAX_ACTION_BODY_SIZE },
  },
  // Lets two builds coexist (e.g. a benchmark build beside the test build).
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
