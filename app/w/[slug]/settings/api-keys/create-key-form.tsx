"use client";
// Creates a key and shows it once, with a copy button; the page's list refreshes behind it.
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import type { CreateKeyState } from "./actions";

export function CreateKeyForm({ action }: { action: (s: CreateKeyState, d: FormData) => Promise<CreateKeyState> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <Field id="key-name" name="name" label="Key name" placeholder="e.g. Power BI" required maxLength={80} className="min-w-64 flex-1" hint="Say where the key is used, so it can be revoked with confidence later." />
        <SelectField id="key-expires" name="expires" label="Expires" defaultValue="90d" className="w-40">
          <option value="30d">in 30 days</option>
          <option value="90d">in 90 days</option>
          <option value="365d">in a year</option>
          <option value="never">never</option>
        </SelectField>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
      <div aria-live="polite">
        {state?.error && <Alert tone="error">{state.error}</Alert>}
        {state?.key && (
          <Alert tone="success">
            <p className="font-medium">{state.ok}</p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <code data-testid="new-api-key" className="break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900 ring-1 ring-emerald-200">
                {state.key}
              </code>
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  void navigator.clipboard?.writeText(state.key ?? "").then(() => setCopied(true));
                }}
              >
                {copied ? "Copied" : "Copy"}
              </Button>
            </div>
          </Alert>
        )}
      </div>
    </div>
  );
}
