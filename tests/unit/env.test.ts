import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/server/env";

const tmp = () => mkdtempSync(path.join(tmpdir(), "env-test-"));

describe("parseEnv", () => {
  it("chooses the embedded database without DATABASE_URL and generates secrets once", () => {
    const dir = tmp();
    const a = parseEnv({ DATA_DIR: dir, NODE_ENV: "development" });
    expect(a.dbMode).toBe("embedded");
    expect(a.secretsGenerated).toBe(true);
    expect(Buffer.from(a.ENCRYPTION_KEY, "base64")).toHaveLength(32);
    const b = parseEnv({ DATA_DIR: dir, NODE_ENV: "development" });
    expect(b.AUTH_SECRET).toBe(a.AUTH_SECRET);
    expect(JSON.parse(readFileSync(path.join(dir, "secrets.json"), "utf8")).AUTH_SECRET).toBe(a.AUTH_SECRET);
  });

  it("chooses postgres with DATABASE_URL and requires secrets in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://u@h/db", DATA_DIR: tmp() })).toThrow(
      /Missing environment variables: AUTH_SECRET, ENCRYPTION_KEY, CRON_SECRET/,
    );
    const ok = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://u@h/db",
      AUTH_SECRET: "x".repeat(40),
      ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
      CRON_SECRET: "c".repeat(20),
    });
    expect(ok.dbMode).toBe("postgres");
    expect(ok.secretsGenerated).toBe(false);
  });

  it("names the variable and the problem", () => {
    const bad = (source: Record<string, string>) => {
      try {
        parseEnv({ DATA_DIR: tmp(), ...source });
      } catch (e) {
        expect(e).toBeInstanceOf(EnvError);
        return (e as Error).message;
      }
      throw new Error("expected an error");
    };
    expect(bad({ ENCRYPTION_KEY: "short" })).toMatch(/ENCRYPTION_KEY: must be 32 bytes/);
    expect(bad({ DATABASE_URL: "mysql://x" })).toMatch(/DATABASE_URL: must be a postgres/);
    expect(bad({ APP_URL: "not a url" })).toMatch(/APP_URL: must be an absolute URL/);
  });

  it("refuses the embedded database on a serverless platform, before writing anything", () => {
    for (const [platform, source] of [
      ["Vercel", { VERCEL: "1" }],
      ["AWS Lambda", { AWS_LAMBDA_FUNCTION_NAME: "portal" }],
    ] as const) {
      const dir = path.join(tmp(), "data");
      let error: unknown;
      try {
        parseEnv({ ...source, DATA_DIR: dir, NODE_ENV: "production" });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(EnvError);
      expect((error as Error).message).toMatch(new RegExp(`^DATABASE_URL is required on ${platform}: the embedded database needs a persistent folder`));
      // No generated secrets.json, no PGlite folder: the refusal comes first.
      expect(existsSync(dir)).toBe(false);
    }
    // With a database it starts; an empty DATABASE_URL still counts as missing.
    expect(parseEnv({ VERCEL: "1", DATABASE_URL: "postgresql://u@h/db", DATA_DIR: tmp() }).dbMode).toBe("postgres");
    expect(() => parseEnv({ VERCEL: "1", DATABASE_URL: " ", DATA_DIR: tmp() })).toThrow(/DATABASE_URL is required on Vercel/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", DATA_DIR: tmp() }).dbMode).toBe("embedded");
  });
});
