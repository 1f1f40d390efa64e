// The browser side of signing in and out: a thin wrapper over next-auth's documented REST API
// (https://next-auth.js.org/getting-started/rest-api): GET /api/auth/csrf, then a form POST to
// /api/auth/callback/credentials or /api/auth/signout with json=true, reading next-auth's answer
// the way next-auth/react's signIn("credentials", { redirect: false }) and signOut() do (the
// `error` parameter of the answer's url). next-auth/react itself is ~10.6 KB gzip (its Babel
// runtime included) against 0.4 KB for this file, and it would ship in the first-load JS of every
// signed-in page (the sign-out button), whose largest is 144 KB of the 150 KB budget. DECISIONS.md.

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
 * Signs in with the credentials provider without leaving the page. `error` is the message
 * authorize() threw, which next-auth passes on (for this app: "invalid", "otp_required",
 * "otp_invalid", "throttled:<seconds>"), null on success.
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
