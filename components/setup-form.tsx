"use client";
// First-run form: creates the owner account and first workspace, then signs in with them.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Field } from "./ui/field";
import { useHydrated } from "./ui/use-hydrated";
import { signInWithCredentials } from "@/lib/auth-client";

type Result = { ok?: string; error?: string; slug?: string } | null;

export function SetupForm({ action, passwordRule }: { action: (prev: Result, data: FormData) => Promise<Result>; passwordRule: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const r = await action(null, data);
    if (!r?.ok || !r.slug) {
      setPending(false);
      setError(r?.error ?? "Something went wrong.");
      return;
    }
    const res = await signInWithCredentials({ email: String(data.get("email")), password: String(data.get("password")) });
    if (res.error) {
      setPending(false);
      router.replace("/signin");
      return;
    }
    router.replace(`/w/${r.slug}/settings/connection`);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Field id="name" name="name" label="Your name" autoComplete="name" />
      <Field id="email" name="email" type="email" label="Email" autoComplete="username" required autoFocus />
      <Field id="password" name="password" type="password" label="Password" autoComplete="new-password" required minLength={10} hint={passwordRule} />
      <Field id="confirm" name="confirm" type="password" label="Repeat the password" autoComplete="new-password" required minLength={10} />
      <Field id="workspace" name="workspace" label="Organisation (workspace) name" required minLength={2} maxLength={80} hint="You can add more workspaces later." />
      <div aria-live="assertive">{error && <Alert tone="error">{error}</Alert>}</div>
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? "Creating…" : "Create owner account"}
      </Button>
    </form>
  );
}
