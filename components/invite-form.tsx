"use client";
// Creates an invite and shows its link once, ready to copy.
import { useActionState, useState } from "react";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Field, SelectField } from "./ui/field";

type State = { ok?: string; error?: string; url?: string; expiresAt?: string; mailed?: boolean } | null;

export function InviteForm({ action }: { action: (prev: State, data: FormData) => Promise<State> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      <form action={formAction} className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
        <Field id="invite-email" name="email" type="email" label="Email (optional)" hint="If given, only this address can accept." />
        <SelectField id="invite-role" name="role" label="Role" defaultValue="VIEWER" className="sm:mb-5">
          <option value="VIEWER">Viewer</option>
          <option value="ADMIN">Admin</option>
          <option value="OWNER">Owner</option>
        </SelectField>
        <Button type="submit" disabled={pending} className="sm:mb-5">
          {pending ? "Creating…" : "Create invite"}
        </Button>
      </form>
      <div aria-live="polite">
        {state?.error && <Alert tone="error">{state.error}</Alert>}
        {state?.url && (
          <div className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3">
            <label htmlFor="invite-url" className="block text-sm font-medium text-slate-900">
              Invite link — copy it now, it is shown only once
            </label>
            <div className="flex gap-2">
              <input id="invite-url" readOnly value={state.url} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  void navigator.clipboard?.writeText(state.url ?? "").then(() => setCopied(state.url ?? null));
                }}
              >
                {copied === state.url ? "Copied" : "Copy"}
              </Button>
            </div>
            <p className="text-xs text-slate-700">
              Valid for 7 days, usable once.{state.mailed ? " It was also sent by email." : ""}
            </p>
          </div>
        )}
      </div>
    </div>
  );
}
