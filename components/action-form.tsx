"use client";
// A form posting to a server action, showing its { ok } / { error } answer and a pending state.
// Works without JavaScript too (progressive enhancement of <form action>).
import { useActionState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "./ui/button";
import { FormMessage, type FormState } from "./ui/form-message";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

function Submit({ label, variant }: { label: string; variant: ButtonVariant }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending}>
      {pending ? "Working…" : label}
    </Button>
  );
}

export function ActionForm({ action, submitLabel, variant = "primary", children, className = "", inline = false }: {
  action: Action;
  submitLabel: string;
  variant?: ButtonVariant;
  children?: ReactNode;
  className?: string;
  inline?: boolean;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className={inline ? `flex flex-wrap items-end gap-2 ${className}` : `space-y-4 ${className}`}>
      {children}
      <div className={inline ? "" : "flex items-center gap-3"}>
        <Submit label={submitLabel} variant={variant} />
      </div>
      <div aria-live="polite" className={inline ? "basis-full" : ""}>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
