import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files it loads from its own folder at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  // Browser tests talk to the dev server as 127.0.0.1 as well as localhost.
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
};

export default nextConfig;
