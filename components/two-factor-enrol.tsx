"use client";
// The 2FA panel. It keeps one place in the tree whether 2FA is on or off, because confirming
// re-issues the session cookie, which refreshes the page: the recovery codes (held in this
// component's state, shown once) must survive that refresh.
import { useActionState, type ReactNode } from "react";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Field } from "./ui/field";

type State = { ok?: string; error?: string; codes?: string[] } | null;

export function TwoFactorEnrol({ action, enabled, enabledView, enrolView }: {
  action: (prev: State, data: FormData) => Promise<State>;
  enabled: boolean;
  enabledView: ReactNode;
  enrolView: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.codes) {
    return (
      <div className="space-y-3" aria-live="polite">
        <Alert tone="success">Two-factor authentication is on. From now on, signing in asks for a code.</Alert>
        <h3 className="text-sm font-semibold text-slate-900">Your recovery codes</h3>
        <p className="text-sm text-slate-700">
          Each code works once, in place of an app code, if you lose your phone. Save them somewhere safe now: they will not be shown again.
        </p>
        <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-sm sm:grid-cols-5">
          {state.codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <a href="/account/security" className="inline-block text-sm font-medium text-brand-700 underline">
          I have saved them
        </a>
      </div>
    );
  }
  if (enabled) return <>{enabledView}</>;
  return (
    <div className="space-y-4">
    {enrolView}
    <form action={formAction} className="max-w-xs space-y-3">
      <Field id="code" name="code" label="Code from the app" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" required hint="6 digits" />
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : "Turn on two-factor authentication"}
      </Button>
      <div aria-live="assertive">{state?.error && <Alert tone="error">{state.error}</Alert>}</div>
    </form>
    </div>
  );
}
