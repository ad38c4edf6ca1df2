import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files it loads from its own folder at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  // Browser tests talk to the dev server as 127.0.0.1 as well as localhost.
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  // `forbidden()`: admin-only pages answer 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  // Lets two builds coexist (e.g. a benchmark build beside the test build).
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
