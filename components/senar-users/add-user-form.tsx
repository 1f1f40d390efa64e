"use client";
// "Add user": validated here with the field rules the server uses too (lib/user-fields.ts, zod/mini),
// sent to the workspace's user_assign proxy with an idempotency key (a double click or a retry runs
// once), and answered with one line per collection, so a refused collection never hides the ones
// that worked.
import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { AddUserResult } from "@/lib/add-user-result";
import type * as UserFields from "@/lib/user-fields";

export type CollectionOption = { id: number; title: string | null };

const LANGUAGES: [string, string][] = [
  ["en", "English"],
  ["fr", "French"],
  ["es", "Spanish"],
  ["de", "German"],
  ["it", "Italian"],
  ["pt", "Portuguese"],
  ["nl", "Dutch"],
  ["pl", "Polish"],
];

// The rules (zod/mini, ~15 KB gzip) are not part of the page's first load: they are fetched once the
// form is hydrated, well before anyone can fill it in. Should that fetch fail, the form is sent
// unchecked and the server, which checks the same rules, names the field.
let rules: Promise<typeof UserFields> | null = null;
function loadRules() {
  rules ??= import("@/lib/user-fields").catch((err: unknown) => {
    rules = null;
    throw err;
  });
  return rules;
}

type Errors = Partial<Record<"firstName" | "lastName" | "email" | "language" | "password" | "collectionIds" | "form", string>>;

/** A fresh idempotency key; randomUUID needs a secure context, getRandomValues does not. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `form-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** Ids typed by hand: "12, 14 15" → [12, 14, 15]; anything else is reported, not dropped. */
function typedIds(text: string): { ids: number[]; bad: string | null } {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const bad = parts.find((p) => !/^\d{1,10}$/.test(p)) ?? null;
  return { ids: bad ? [] : parts.map(Number), bad };
}

export function AddUserForm({ slug, collections }: { slug: string; collections: CollectionOption[] }) {
  const [errors, setErrors] = useState<Errors>({});
  const [result, setResult] = useState<AddUserResult | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const inFlight = useRef(false);
  // One key per attempt: reused if the same attempt is sent twice, renewed after an answer.
  const attemptKey = useRef<string>(newKey());
  useEffect(() => {
    loadRules().catch(() => {});
  }, []);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (inFlight.current) return;
    const data = new FormData(e.currentTarget);
    const typed = typedIds(String(data.get("otherIds") ?? ""));
    if (typed.bad) {
      setErrors({ collectionIds: `"${typed.bad}" is not a collection id (a number, as at the end of …/Collections/Edit/42).` });
      return;
    }
    const picked = data.getAll("collectionIds").map((v) => Number(v));
    const input = {
      firstName: String(data.get("firstName") ?? ""),
      lastName: String(data.get("lastName") ?? ""),
      email: String(data.get("email") ?? "").trim(),
      language: String(data.get("language") ?? "en"),
      password: String(data.get("password") ?? ""),
      collectionIds: [...new Set([...picked, ...typed.ids])],
    };
    inFlight.current = true; // while the rules load
    const schema = await loadRules().then(
      (r) => r.addUserFormSchema,
      () => null,
    );
    inFlight.current = false;
    const parsed = schema ? schema.safeParse(input) : { success: true as const, data: input };
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const k = String(issue.path[0] ?? "form") as keyof Errors;
        next[k] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    inFlight.current = true;
    setPending(true);
    try {
      const res = await fetch(`/api/w/${encodeURIComponent(slug)}/senar/user-assign`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": attemptKey.current },
        body: JSON.stringify(parsed.data),
      });
      const body = (await res.json().catch(() => null)) as (AddUserResult & { error?: { message: string; field?: string } }) | null;
      if (res.status === 201 || res.status === 207) {
        setResult(body);
        attemptKey.current = newKey();
      } else {
        const field = body?.error?.field as keyof Errors | undefined;
        const message = body?.error?.message ?? `The portal answered HTTP ${res.status}.`;
        setErrors(field && field in { firstName: 1, lastName: 1, email: 1, language: 1, password: 1, collectionIds: 1 } ? { [field]: message } : { form: message });
        // A refusal before anything was done may be retried as a new attempt.
        if (res.status !== 409) attemptKey.current = newKey();
      }
    } catch {
      setErrors({ form: "The portal could not be reached. Check your connection and try again." });
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }

  return (
    <div className="space-y-5">
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={errors.form ? "form-error" : undefined}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="firstName" name="firstName" label="First name" autoComplete="off" required maxLength={100} error={errors.firstName} />
          <Field id="lastName" name="lastName" label="Last name" autoComplete="off" required maxLength={100} error={errors.lastName} />
          <Field id="email" name="email" type="email" label="Email" autoComplete="off" required maxLength={254} error={errors.email} />
          <SelectField id="language" name="language" label="Language" defaultValue="en">
            {LANGUAGES.map(([code, name]) => (
              <option key={code} value={code}>
                {name} ({code})
              </option>
            ))}
          </SelectField>
          <Field
            id="password"
            name="password"
            type="password"
            label="Password"
            autoComplete="new-password"
            required
            maxLength={128}
            hint="At least 6 characters, with letters and at least one number. Give it to the user yourself: Senar does not send it."
            error={errors.password}
          />
        </div>
        <fieldset aria-describedby={errors.collectionIds ? "collections-error" : "collections-hint"}>
          <legend className="text-sm font-medium text-slate-800">Collections</legend>
          <p id="collections-hint" className="mt-0.5 text-xs text-slate-600">
            Pick one or more. The user is assigned to each one separately, and each gets its own result.
          </p>
          {collections.length > 0 ? (
            <ul className="mt-2 grid gap-1.5 sm:grid-cols-2">
              {collections.map((c) => (
                <li key={c.id}>
                  <label className="flex items-center gap-2 text-sm text-slate-800">
                    <input type="checkbox" name="collectionIds" value={c.id} className="size-4 rounded border-slate-300 accent-brand-600" />
                    {c.title ?? "Untitled"} <span className="text-slate-500">#{c.id}</span>
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-600">No collections are known yet (they come with the first sync); type their ids below.</p>
          )}
          <Field id="otherIds" name="otherIds" label="Other collection ids" className="mt-3 max-w-sm" placeholder="e.g. 42, 57" inputMode="numeric" hint="The number at the end of https://studio.senar.io/Collections/Edit/42." />
          {errors.collectionIds && (
            <p id="collections-error" className="mt-1 text-xs text-red-700">
              {errors.collectionIds}
            </p>
          )}
        </fieldset>
        {errors.form && (
          <div id="form-error">
            <Alert tone="error">{errors.form}</Alert>
          </div>
        )}
        <Button type="submit" disabled={pending || !hydrated} aria-disabled={pending || !hydrated}>
          {pending ? "Adding…" : "Add user"}
        </Button>
      </form>
      <div aria-live="polite">{result && <ResultList slug={slug} result={result} />}</div>
    </div>
  );
}

function ResultList({ slug, result }: { slug: string; result: AddUserResult }) {
  const tone = result.failed === 0 ? "success" : result.succeeded === 0 ? "error" : "warning";
  return (
    <Alert tone={tone}>
      <p className="font-medium">
        {result.failed === 0
          ? `${result.email} was added to ${result.succeeded === 1 ? "the collection" : `all ${result.succeeded} collections`}.`
          : result.succeeded === 0
            ? `${result.email} was not added to any collection.`
            : `${result.email} was added to ${result.succeeded} of ${result.succeeded + result.failed} collections.`}
        {result.replayed && " (This repeats the answer to an identical earlier submission; nothing was sent again.)"}
      </p>
      <ul className="mt-2 space-y-1" data-testid="assign-results">
        {result.results.map((r) => (
          <li key={r.collectionId} className="flex gap-2">
            <span aria-hidden>{r.ok ? "✓" : "✗"}</span>
            <span>
              <span className="font-medium">
                {r.collectionTitle ?? "Collection"} #{r.collectionId}
              </span>
              : {r.ok ? "added" : "failed"} — {r.message}
            </span>
          </li>
        ))}
      </ul>
      {result.succeeded > 0 && (
        <p className="mt-2">
          {result.cached ? "The user is now in the directory. " : "The user will appear in the directory after the next sync. "}
          <Link href={`/w/${slug}/senar-users?term=${encodeURIComponent(result.email)}`} className="font-medium underline">
            Show in the directory
          </Link>
        </p>
      )}
    </Alert>
  );
}
