import { z } from "zod";

// An empty variable (`FOO=`) means "not set", as in most deployment tools.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection string. Unset: the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")),
  DATA_DIR: z.string().default(".data"),
  /** Size of the postgres.js pool per app instance. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  BETTER_AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  /** The URL the app is served at; better-auth refuses POSTs from other origins. */
  BETTER_AUTH_URL: optional(z.url()),
  /** Show the demo sign-ins on /login. On by default with the embedded database. */
  DEMO_MODE: optional(z.enum(["0", "1", "true", "false"])),
  /**
   * Set to 1 when the app runs behind a reverse proxy that appends the client's address to
   * X-Forwarded-For; the sign-in limit per address then uses the last entry. Unset, that header
   * is the client's own claim and is ignored (Next.js fills it from the socket only when the
   * client sent none), so only the limit per account applies.
   */
  TRUST_PROXY: optional(z.enum(["0", "1", "true", "false"])),
  /**
   * Encrypts calendar passwords and iCal addresses at rest (C1): 32 bytes as 64 hex digits.
   * Unset with the embedded database: one is generated and kept in DATA_DIR.
   */
  CALENDAR_ENCRYPTION_KEY: optional(z.string().regex(/^[0-9a-fA-F]{64}$/, "must be 64 hex digits (32 bytes)")),
  /** Allow calendar addresses on private and local networks (and plain http): tests, intranets. */
  CALENDAR_ALLOW_PRIVATE_HOSTS: optional(z.enum(["0", "1", "true", "false"])),
  /** Where invitations go out (C5), e.g. smtp://user:pass@mail.example.com:587. Unset: kept in the outbox. */
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")),
  /** The sender of invitations. */
  MAIL_FROM: z.string().default("Meeting Rotations <meetings@localhost>"),
  /** Run the job workers inside the app process (C6). Set to 0 when `npm run worker` processes run them. */
  JOBS_IN_APP: optional(z.enum(["0", "1", "true", "false"])),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The validated environment. The only place that reads `process.env`. */
export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function isEmbeddedDatabase(): boolean {
  return env().DATABASE_URL === undefined;
}

export function trustsProxy(): boolean {
  const flag = env().TRUST_PROXY;
  return flag === "1" || flag === "true";
}

function flag(value: string | undefined, fallback: boolean): boolean {
  return value === undefined ? fallback : value === "1" || value === "true";
}

export function runsJobsInApp(): boolean {
  return flag(env().JOBS_IN_APP, true);
}

export function isDemoMode(): boolean {
  const flag = env().DEMO_MODE;
  if (flag !== undefined) return flag === "1" || flag === "true";
  return isEmbeddedDatabase();
}
