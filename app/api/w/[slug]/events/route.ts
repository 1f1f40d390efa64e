import { workspaceAuth } from "@/server/auth/guards";
import { route } from "@/server/http/route";
import { log } from "@/server/log";
import { changeMarker } from "@/server/data/sync-runs";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

const POLL_MS = 2_000;
const LIFETIME_MS = 55_000; // under serverless limits; the browser's EventSource reconnects

// GET /api/w/[slug]/events: server-sent events, a "change" event when the workspace's data changed.
export const GET = route({ auth: workspaceAuth() }, async ({ req, auth }) => {
  const ws = auth.scope;
  const enc = new TextEncoder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const started = Date.now();
      let last = await changeMarker(ws);
      controller.enqueue(enc.encode(`retry: 3000\nevent: ready\ndata: {}\n\n`));
      const tick = async () => {
        if (req.signal.aborted || Date.now() - started > LIFETIME_MS) {
          controller.close();
          return;
        }
        try {
          const now = await changeMarker(ws);
          if (now !== last) {
            last = now;
            controller.enqueue(enc.encode(`event: change\ndata: {}\n\n`));
          } else {
            controller.enqueue(enc.encode(`: ping\n\n`));
          }
        } catch (err) {
          log.warn("events: marker read failed", { err });
        }
        timer = setTimeout(() => void tick(), POLL_MS);
      };
      timer = setTimeout(() => void tick(), POLL_MS);
    },
    cancel() {
      if (timer) clearTimeout(timer);
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
});
