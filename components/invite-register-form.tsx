"use client";
// New account from an invite: create it, sign in, then accept the invite as that account.
import { useState, type FormEvent } from "react";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Field } from "./ui/field";
import { useHydrated } from "./ui/use-hydrated";
import { signInWithCredentials } from "@/lib/auth-client";

type Result = { ok?: string; error?: string } | null;

export function InviteRegisterForm({ register, accept, email, passwordRule }: {
  register: (prev: Result, data: FormData) => Promise<Result>;
  accept: (prev: Result) => Promise<Result>;
  email: string | null;
  passwordRule: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const r = await register(null, data);
    if (!r?.ok) {
      setPending(false);
      setError(r?.error ?? "Something went wrong.");
      return;
    }
    const res = await signInWithCredentials({ email: String(data.get("email")), password: String(data.get("password")) });
    if (res.error) {
      setPending(false);
      setError("Your account was created, but signing in failed. Sign in, then open the invite link again.");
      return;
    }
    // On success the action redirects to the workspace.
    const a = await accept(null);
    setPending(false);
    if (a?.error) setError(a.error);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Field id="name" name="name" label="Your name" autoComplete="name" />
      <Field id="email" name="email" type="email" label="Email" autoComplete="username" defaultValue={email ?? ""} readOnly={Boolean(email)} required />
      <Field id="password" name="password" type="password" label="Password" autoComplete="new-password" required minLength={10} hint={passwordRule} />
      <Field id="confirm" name="confirm" type="password" label="Repeat the password" autoComplete="new-password" required minLength={10} />
      <div aria-live="assertive">{error && <Alert tone="error">{error}</Alert>}</div>
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? "Creating…" : "Create account and join"}
      </Button>
    </form>
  );
}
