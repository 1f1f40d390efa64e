// The browser side of signing in and out: what next-auth/react's signIn("credentials",
// { redirect: false }) and signOut() do (a CSRF token, then a form POST to next-auth's endpoints
// with json=true), as plain fetches. The next-auth client (~8 KB gzip with its Babel runtime) would
// otherwise ship in the first-load JS of every page that has a sign-in form or a sign-out button.

async function csrfToken(): Promise<string> {
  const res = await fetch("/api/auth/csrf");
  const body = (await res.json()) as { csrfToken?: string };
  return body.csrfToken ?? "";
}

async function post(path: string, fields: Record<string, string>): Promise<{ res: Response; url: string | null }> {
  const res = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" }),
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  return { res, url: body.url ?? null };
}

/**
 * Signs in with the credentials provider without leaving the page. `error` is next-auth's error
 * code (for this app: "invalid", "otp_required", "throttled:<seconds>", …), null on success.
 */
export async function signInWithCredentials(fields: Record<string, string>): Promise<{ ok: boolean; error: string | null }> {
  const { res, url } = await post("/api/auth/callback/credentials", { ...fields, callbackUrl: window.location.href });
  const error = url ? new URL(url, window.location.href).searchParams.get("error") : "invalid";
  return { ok: res.ok, error };
}

/** Ends the session, then goes to next-auth's answer (normally `callbackUrl`). */
export async function signOut(callbackUrl: string): Promise<void> {
  const { url } = await post("/api/auth/signout", { callbackUrl });
  window.location.href = url ?? callbackUrl;
}
