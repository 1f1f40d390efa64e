// Build (unless the harness already did) and start the portal, holding /tmp/e2e.lock the whole
// time: the server serves files from the shared .next that another build would overwrite.
import { buildNext, holdE2eLock } from "./proc";
import { startPortal, type Portal, type PortalOptions } from "./portal";

export async function withBuiltPortal<T>(build: boolean, opts: PortalOptions, fn: (p: Portal) => Promise<T>): Promise<T> {
  const lock = build ? await holdE2eLock() : undefined;
  try {
    if (build) {
      console.error("building Next (next build, holding /tmp/e2e.lock)…");
      const ms = await buildNext();
      console.error(`  built in ${(ms / 1000).toFixed(0)} s`);
    }
    console.error("starting PostgreSQL, the simulator and next start…");
    const portal = await startPortal(opts);
    try {
      return await fn(portal);
    } finally {
      await portal.stop();
    }
  } finally {
    lock?.release();
  }
}
