"use client";
// Signing out is what next-auth/react's signOut does (CSRF token, then a form POST to the signout
// endpoint, then follow the returned url), written as two fetches: the next-auth client would
// otherwise ship in the first-load JS of every signed-in page just for this button.
import { useState } from "react";

async function signOut(callbackUrl: string): Promise<void> {
  const csrf = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken?: string };
  const res = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken ?? "", callbackUrl, json: "true" }),
  });
  const data = (await res.json().catch(() => ({}))) as { url?: string };
  window.location.href = data.url ?? callbackUrl;
}

export function SignOutButton({ className = "" }: { className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        // On a network failure the button is usable again; the session is untouched.
        signOut("/signin").catch(() => setPending(false));
      }}
      className={className}
    >
      Sign out
    </button>
  );
}
