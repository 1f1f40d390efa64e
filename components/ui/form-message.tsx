import { Alert } from "./alert";

/** What a server action answers to a form: a success line or an error line (never both). */
export type FormState = { ok?: string; error?: string; at?: number } | null;

export function FormMessage({ state }: { state: FormState }) {
  if (!state) return null;
  if (state.error) return <Alert tone="error">{state.error}</Alert>;
  if (state.ok) return <Alert tone="success">{state.ok}</Alert>;
  return null;
}
