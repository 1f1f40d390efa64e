// Fallback used by bench/lib/portal.ts while the ops CLI has no `sync` command: fills the bench
// workspace's cache with the simulator's own dataset through the cache's write path
// (upsertUsers / upsertActivities, as a sync would), so report pages render real data.
// Run as a child process with the portal's environment (DATABASE_URL of the throw-away cluster).
// argv: slug users trainees activities anchorIso
import { datasetFor } from "@/senar-sim/dataset";
import { db, disconnectDb } from "@/server/db/client";
import { parseRecord, type Parsed, type SenarActivity, type SenarUser } from "@/server/senar/schemas";
import { upsertActivities } from "@/server/sync/upsert-activities";
import { upsertUsers } from "@/server/sync/upsert-users";
import { SENAR } from "./portal";

const [slug, users, trainees, activities, anchor] = process.argv.slice(2);
const ws = await db.workspace.findUniqueOrThrow({ where: { slug: slug! }, select: { id: true } });
const ds = datasetFor(SENAR, { users: Number(users), trainees: Number(trainees), activities: Number(activities), anchor: new Date(anchor!) });
const meta = { source: "sync" as const, sourceAt: new Date() };
const BATCH = 2_000;

const userBatch: Parsed<SenarUser>[] = [];
for (const u of ds.users()) {
  const p = parseRecord("user", u);
  if (p.ok) userBatch.push(p.value);
}
await upsertUsers(db, ws.id, userBatch, meta);

let batch: Parsed<SenarActivity>[] = [];
let n = 0;
for (const a of ds.activities()) {
  const p = parseRecord("activity", a);
  if (p.ok) batch.push(p.value);
  if (batch.length === BATCH) {
    n += batch.length;
    await upsertActivities(db, ws.id, batch, meta);
    batch = [];
  }
}
if (batch.length) {
  n += batch.length;
  await upsertActivities(db, ws.id, batch, meta);
}
console.log(`seeded ${userBatch.length} users and ${n} activities`);
await disconnectDb();
