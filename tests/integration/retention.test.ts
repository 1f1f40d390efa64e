// Retention: rows older than the configured days are deleted, recent ones kept; each workspace
// keeps its latest run, its latest complete run and any running one; the cron route needs the secret.
import { describe, expect, it } from "vitest";
import { GET as cronRetention } from "@/app/api/cron/retention/route";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { pruneOld } from "@/server/retention";
import { startScheduler } from "@/server/sync/scheduler";

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

async function seed() {
  const ws = (await db.workspace.create({ data: { slug: `ret-${Date.now()}`, name: "Ret" } })).id;
  const sub = await db.webhookSubscription.create({ data: { workspaceId: ws, method: "activity", tokenHash: `h-${ws}` } });
  await db.loginAttempt.createMany({
    data: [40, 20, 1].map((d) => ({ email: "a@x", ip: "1.1.1.1", success: false, createdAt: ago(d) })),
  });
  await db.webhookDelivery.createMany({
    data: [100, 91, 89, 1].map((d) => ({ workspaceId: ws, subscriptionId: sub.id, receivedAt: ago(d), bytes: 1, status: 200 })),
  });
  await db.invalidRecord.createMany({
    data: [120, 2].map((d) => ({ workspaceId: ws, kind: "activity", source: "sync", reason: "x", raw: {}, createdAt: ago(d) })),
  });
  const run = (days: number, status: "SUCCEEDED" | "FAILED" | "RUNNING", trigger: string) =>
    db.syncRun.create({ data: { workspaceId: ws, trigger, status, startedAt: ago(days), fetchedAt: ago(days), heartbeatAt: ago(days) } });
  // A workspace whose syncs stopped long ago: its latest run and latest success are old but kept.
  await run(300, "SUCCEEDED", "old-success");
  await run(200, "SUCCEEDED", "last-success");
  await run(150, "FAILED", "old-failure");
  await run(120, "RUNNING", "stuck");
  await run(110, "FAILED", "latest");
  // Idempotency keys are kept a day, whatever RETENTION_DAYS says.
  await db.idempotencyKey.createMany({
    data: [{ key: "old-key-01", createdAt: new Date(Date.now() - 25 * 3_600_000) }, { key: "new-key-01", createdAt: new Date(Date.now() - 23 * 3_600_000) }].map((k) => ({ workspaceId: ws, requestHash: "h", status: "DONE" as const, response: {}, ...k })),
  });
  return ws;
}

describe(`retention (${process.env.TEST_DB_KIND})`, () => {
  it("deletes what is older than the retention days and keeps the rest", async () => {
    const ws = await seed();
    const deleted = await pruneOld({ days: 90, loginDays: 30 });
    expect(deleted).toEqual({ loginAttempts: 1, webhookDeliveries: 2, invalidRecords: 1, syncRuns: 2, idempotencyKeys: 1 });
    expect((await db.idempotencyKey.findMany({ where: { workspaceId: ws }, select: { key: true } })).map((k) => k.key)).toEqual(["new-key-01"]);
    expect(await db.loginAttempt.count()).toBe(2);
    expect(await db.webhookDelivery.count({ where: { workspaceId: ws } })).toBe(2);
    expect(await db.invalidRecord.count({ where: { workspaceId: ws } })).toBe(1);
    const runs = await db.syncRun.findMany({ where: { workspaceId: ws }, orderBy: { startedAt: "asc" }, select: { trigger: true } });
    expect(runs.map((r) => r.trigger)).toEqual(["last-success", "stuck", "latest"]);
    // A second pass finds nothing more.
    expect(await pruneOld({ days: 90, loginDays: 30 })).toEqual({ loginAttempts: 0, webhookDeliveries: 0, invalidRecords: 0, syncRuns: 0, idempotencyKeys: 0 });
  });

  it("runs from cron only with the cron secret, with the configured defaults", async () => {
    const url = "http://localhost/api/cron/retention";
    expect((await cronRetention(new Request(url), { params: Promise.resolve({}) })).status).toBe(401);
    expect((await cronRetention(new Request(url, { headers: { authorization: "Bearer nope" } }), { params: Promise.resolve({}) })).status).toBe(401);
    await db.loginAttempt.create({ data: { email: "b@x", ip: "1.1.1.1", success: false, createdAt: ago(env().LOGIN_RETENTION_DAYS + 1) } });
    const res = await cronRetention(new Request(url, { headers: { authorization: `Bearer ${env().CRON_SECRET}` } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { deleted: { loginAttempts: number } }).deleted.loginAttempts).toBe(1);
  });

  it("is run by the built-in scheduler", async () => {
    const old = await db.loginAttempt.create({ data: { email: "c@x", ip: "1.1.1.1", success: false, createdAt: ago(400) } });
    const g = globalThis as { __senarScheduler?: ReturnType<typeof setInterval> };
    startScheduler(50);
    try {
      const until = Date.now() + 10_000;
      while ((await db.loginAttempt.count({ where: { id: old.id } })) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(await db.loginAttempt.count({ where: { id: old.id } })).toBe(0);
    } finally {
      clearInterval(g.__senarScheduler);
      delete g.__senarScheduler;
    }
  });
});
