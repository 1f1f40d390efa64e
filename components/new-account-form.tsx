"use client";
// A new portal account: name, email and the password twice, plus the caller's own fields. A
// server action creates it, the browser signs in with it, then the caller's `next` goes on
// (first run: to the new workspace; an invite: accept it).
import { useState, type FormEvent, type ReactNode } from "react";
import { signInWithCredentials } from "@/lib/auth-client";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Field } from "./ui/field";
import { useHydrated } from "./ui/use-hydrated";

/** `verify`: a code was mailed to the address; send the form again with it. */
export type Created = { ok?: string; error?: string; slug?: string; verify?: string } | null;

export function NewAccountForm({ create, next, submitLabel, passwordRule, email = null, children }: {
  create: (prev: Created, data: FormData) => Promise<Created>;
  /** Runs once the account exists; navigates on, or answers an error to show. */
  next: (created: NonNullable<Created>, signedIn: boolean) => Promise<string | null>;
  submitLabel: string;
  passwordRule: string;
  /** An invite's address: filled in and fixed. */
  email?: string | null;
  children?: ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [verify, setVerify] = useState<string | null>(null);
  const hydrated = useHydrated();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const created = await create(null, data);
    if (created?.verify) {
      setVerify(created.verify);
      setPending(false);
      return;
    }
    const signedIn = created?.ok ? !(await signInWithCredentials({ email: String(data.get("email")), password: String(data.get("password")) })).error : false;
    // While `next` navigates the button stays pending; an error makes the form usable again.
    const failed = created?.ok ? await next(created, signedIn) : (created?.error ?? "Something went wrong.");
    if (failed) {
      setPending(false);
      setError(failed);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Field id="name" name="name" label="Your name" autoComplete="name" />
      <Field id="email" name="email" type="email" label="Email" autoComplete="username" defaultValue={email ?? ""} readOnly={Boolean(email)} required autoFocus={!email} />
      <Field id="password" name="password" type="password" label="Password" autoComplete="new-password" required minLength={10} hint={passwordRule} />
      <Field id="confirm" name="confirm" type="password" label="Repeat the password" autoComplete="new-password" required minLength={10} />
      {children}
      {verify && (
        <>
          <input type="hidden" name="verification" value={verify} />
          <Alert tone="info">We mailed a 6-digit code to this address. Enter it to finish creating your account.</Alert>
          <Field id="code" name="code" label="Code from the mail" autoComplete="one-time-code" inputMode="numeric" required autoFocus />
        </>
      )}
      <div aria-live="assertive">{error && <Alert tone="error">{error}</Alert>}</div>
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? "Creating…" : submitLabel}
      </Button>
    </form>
  );
}
