import "server-only";
// The one place that reads process.env. Values are validated with zod once, on first use,
// and a bad value stops the process with a message naming the variable.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { checkPgliteFolder } from "./db/pglite-folder-check";

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes encoded as base64 (openssl rand -base64 32)");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data")),
  AUTH_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 characters").optional()),
  ENCRYPTION_KEY: z.preprocess(emptyAsUndefined, base64Key.optional()),
  ENCRYPTION_KEY_PREVIOUS: z.preprocess(emptyAsUndefined, base64Key.optional()),
  CRON_SECRET: z.preprocess(emptyAsUndefined, z.string().min(16, "must be at least 16 characters").optional()),
  APP_URL: z.preprocess(emptyAsUndefined, z.url({ message: "must be an absolute URL" }).default("http://localhost:3000")),
  SENAR_BASE_URL: z.preprocess(emptyAsUndefined, z.url({ message: "must be an absolute URL" }).default("https://studio.senar.io")),
  /// Comma list of hosts Senar calls may go to (issue 12: SSRF). Tests and the demo add 127.0.0.1.
  SENAR_ALLOWED_HOSTS: z.preprocess(emptyAsUndefined, z.string().default("studio.senar.io")),
  /// Comma list of hosts other outgoing calls (webhooks, LRS) may reach even at internal addresses.
  OUTBOUND_ALLOWED_HOSTS: z.preprocess(emptyAsUndefined, z.string().default("")),
  SENAR_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).max(600_000).default(30_000)),
  /// "off" stops the built-in scheduler (e.g. on Vercel, where cron calls /api/cron/sync).
  SCHEDULER: z.preprocess(emptyAsUndefined, z.enum(["on", "off"]).optional()),
  SMTP_URL: optionalString,
  MAIL_FROM: optionalString,
  VERCEL: optionalString,
  AWS_LAMBDA_FUNCTION_NAME: optionalString,
  /// Proxies in front of the portal that append to X-Forwarded-For: a number of hops (0: none,
  /// the socket address counts), or "vercel" (Vercel's own x-vercel-forwarded-for).
  TRUST_PROXY: z.preprocess(
    emptyAsUndefined,
    z.union([z.literal("vercel"), z.coerce.number().int().min(0).max(20)], { message: 'must be a number of proxy hops (0-20) or "vercel"' }).default(0),
  ),
  /// Deliveries per minute accepted on one webhook URL (Senar signs nothing; a leaked URL is the threat).
  WEBHOOK_RATE_LIMIT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100_000_000).default(1_200)),
  /// Days kept of webhook deliveries, invalid records and finished sync runs (server/retention.ts).
  RETENTION_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(36_500).default(90)),
  /// Days kept of sign-in attempts (the throttle only needs minutes of them).
  LOGIN_RETENTION_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(36_500).default(30)),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(["debug", "info", "warn", "error"]).default("info")),
});

type Raw = z.infer<typeof schema>;
type Secrets = { AUTH_SECRET: string; ENCRYPTION_KEY: string; CRON_SECRET: string };
export type Env = Omit<Raw, keyof Secrets> &
  Secrets & { dbMode: "embedded" | "postgres"; secretsGenerated: boolean; pgliteDir: string };

export class EnvError extends Error {
  override name = "EnvError";
}

// Secrets may be generated (and kept in the data folder) when nothing else can be at stake:
// development, tests, and the embedded database, whose data lives in that same folder anyway.
function loadOrCreateSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, "secrets.json");
  const fresh: Secrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    CRON_SECRET: randomBytes(24).toString("base64url"),
  };
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw new EnvError(`DATA_DIR cannot be used: ${dataDir} is not a folder this user can create or write (${(err as NodeJS.ErrnoException).code ?? "error"}).`);
  }
  try {
    writeFileSync(file, JSON.stringify(fresh, null, 2), { flag: "wx", mode: 0o600 });
    return fresh;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") {
      throw new EnvError(`DATA_DIR cannot be used: ${dataDir} is not writable by this user (${(err as NodeJS.ErrnoException).code ?? "error"}).`);
    }
    // Already there (maybe written a moment ago by a parallel build worker): use it.
    return { ...fresh, ...(JSON.parse(readFileSync(file, "utf8")) as Partial<Secrets>) };
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment variables:\n${lines.join("\n")}\nSee .env.example.`);
  }
  const raw = parsed.data;
  const dbMode = raw.DATABASE_URL ? "postgres" : "embedded";
  // A serverless function's disk is temporary and per instance: an embedded database there would
  // look fine and then lose every write, so refuse it before anything opens the folder.
  const serverless = raw.VERCEL ? "Vercel" : raw.AWS_LAMBDA_FUNCTION_NAME ? "AWS Lambda" : undefined;
  if (serverless && dbMode === "embedded") {
    throw new EnvError(
      `DATABASE_URL is required on ${serverless}: the embedded database needs a persistent folder, and a serverless function's disk is temporary and not shared between instances. Set DATABASE_URL to a managed PostgreSQL (Neon, Supabase, Vercel Postgres). See docs/OPERATIONS.md.`,
    );
  }
  const missing = (["AUTH_SECRET", "ENCRYPTION_KEY", "CRON_SECRET"] as const).filter((k) => !raw[k]);
  const mayGenerate = raw.NODE_ENV !== "production" || dbMode === "embedded";
  if (missing.length > 0 && !mayGenerate) {
    throw new EnvError(
      `Missing environment variables: ${missing.join(", ")}. They are required in production with DATABASE_URL. See .env.example.`,
    );
  }
  // A folder the embedded database would refuse gets nothing written, secrets neither.
  if (missing.length > 0 && dbMode === "embedded") checkPgliteFolder(path.join(raw.DATA_DIR, "pglite"));
  const generated = missing.length > 0 ? loadOrCreateSecrets(raw.DATA_DIR) : undefined;
  return {
    ...raw,
    AUTH_SECRET: raw.AUTH_SECRET ?? generated!.AUTH_SECRET,
    ENCRYPTION_KEY: raw.ENCRYPTION_KEY ?? generated!.ENCRYPTION_KEY,
    CRON_SECRET: raw.CRON_SECRET ?? generated!.CRON_SECRET,
    dbMode,
    secretsGenerated: missing.length > 0,
    pgliteDir: path.join(raw.DATA_DIR, "pglite"),
  };
}

let cached: Env | undefined;

/** The validated environment, parsed on first use (so builds and tests can set it first). */
export function env(): Env {
  if (!cached) {
    cached = parseEnv(process.env);
    // next-auth v4 reads these itself; derive them from ours so there is one source of truth.
    process.env.NEXTAUTH_URL ??= cached.APP_URL;
    process.env.NEXTAUTH_SECRET ??= cached.AUTH_SECRET;
  }
  return cached;
}
