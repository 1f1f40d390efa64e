"use client";
// Admin actions on the Senar webhooks: register both hooks, or unsubscribe one. The outcome
// (including "Senar refused or has no such call") is shown as Senar reported it.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

type Outcome = { tone: "ok" | "error"; text: string } | null;

async function call(url: string, method: "POST" | "DELETE"): Promise<{ ok: boolean; body: Record<string, unknown> }> {
  const res = await fetch(url, { method });
  return { ok: res.ok, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}
const errorText = (b: Record<string, unknown>) => ((b.error as { message?: string } | undefined)?.message ?? "The request failed.");

function Message({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <p role={outcome.tone === "error" ? "alert" : "status"} className={`mt-2 text-sm ${outcome.tone === "error" ? "text-red-700" : "text-slate-700"}`}>
      {outcome.text}
    </p>
  );
}

export function RegisterHooks({ slug }: { slug: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const [outcome, setOutcome] = useState<Outcome>(null);
  async function go() {
    setBusy(true);
    const { ok, body } = await call(`/api/w/${slug}/senar/webhooks`, "POST").catch(() => ({ ok: false, body: {} as Record<string, unknown> }));
    setOutcome(ok ? { tone: "ok", text: "Registered the user and activity webhooks with Senar." } : { tone: "error", text: errorText(body) });
    setBusy(false);
    router.refresh();
  }
  return (
    <div>
      <Button onClick={() => void go()} disabled={busy || !hydrated}>
        {busy ? "Registering…" : "Register webhooks"}
      </Button>
      <Message outcome={outcome} />
    </div>
  );
}

export function UnsubscribeHook({ slug, id, label }: { slug: string; id: string; label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const [outcome, setOutcome] = useState<Outcome>(null);
  async function go() {
    if (!window.confirm(`Unsubscribe the ${label} webhook? Its URL stops working at once.`)) return;
    setBusy(true);
    const { ok, body } = await call(`/api/w/${slug}/senar/webhooks/${id}`, "DELETE").catch(() => ({ ok: false, body: {} as Record<string, unknown> }));
    setOutcome(ok ? { tone: body.senarOk ? "ok" : "error", text: String(body.message ?? "") } : { tone: "error", text: errorText(body) });
    setBusy(false);
    router.refresh();
  }
  return (
    <div>
      <Button variant="secondary" onClick={() => void go()} disabled={busy || !hydrated} aria-label={`Unsubscribe the ${label} webhook`}>
        {busy ? "Unsubscribing…" : "Unsubscribe"}
      </Button>
      <Message outcome={outcome} />
    </div>
  );
}
