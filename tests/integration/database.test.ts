import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { createAdapterFactory } from "@/server/db/adapter";
import { db, dbFactory, dbTarget } from "@/server/db/client";
import { checkDatabase, healthAnswer } from "@/server/db/health";
import { applyMigrations } from "@/server/db/migrate";

describe(`database (${process.env.TEST_DB_KIND})`, () => {
  it("uses the engine this project is configured for", () => {
    expect(dbTarget().mode).toBe(process.env.TEST_DB_KIND === "pglite" ? "embedded" : "postgres");
  });

  it("has every migration applied, and applying again does nothing", async () => {
    expect(await applyMigrations(dbFactory())).toEqual([]);
    const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM _prisma_migrations`;
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
  });

  it("round-trips a row through Prisma", async () => {
    const ws = await db.workspace.create({ data: { slug: `t-${Date.now()}`, name: "Test" } });
    expect((await db.workspace.findUnique({ where: { id: ws.id } }))?.passMark).toBe(0.8);
  });

  it("health tells the public only ok, and the details only with the cron secret", async () => {
    const { env } = await import("@/server/env");
    const url = "http://localhost/api/health";
    const pub = await health(new Request(url));
    expect(pub.status).toBe(200);
    expect(await pub.json()).toEqual({ status: "ok" });
    const wrong = await health(new Request(url, { headers: { authorization: "Bearer not-the-secret" } }));
    expect(await wrong.json()).toEqual({ status: "ok" });
    const res = await health(new Request(url, { headers: { authorization: `Bearer ${env().CRON_SECRET}` } }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; database: { mode: string; pendingMigrations: string[]; latencyMs: number } };
    expect(body.status).toBe("ok");
    expect(body.database.mode).toBe(dbTarget().mode);
    expect(body.database.pendingMigrations).toEqual([]);
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
  });
});

describe.runIf(process.env.TEST_DB_KIND === "postgres")("an unreachable database", () => {
  it("is reported with a plain reason, quickly", async () => {
    const factory = createAdapterFactory({ mode: "postgres", url: "postgresql://postgres@127.0.0.1:1/none" });
    const { createDb } = await import("@/server/db/client");
    const started = Date.now();
    const h = await checkDatabase(createDb(factory), "postgres");
    expect(h.reachable).toBe(false);
    expect(h.error).toMatch(/connection refused/);
    expect(Date.now() - started).toBeLessThan(6_000);
    await factory.close?.();
    const pub = healthAnswer(h, false);
    expect(pub.status).toBe(503);
    expect(await pub.json()).toEqual({ status: "unavailable" });
    const op = healthAnswer(h, true);
    expect(op.status).toBe(503);
    expect(await op.json()).toMatchObject({ status: "database_unreachable", database: { reachable: false } });
  });
});
