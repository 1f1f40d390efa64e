// Sign-in checks against a real database: throttling (counters shared through the database),
// the generic failure, TOTP as a second step, recovery codes used once, session versions.
import { createHash, randomBytes } from "node:crypto";
import NextAuth from "next-auth";
import { encode } from "next-auth/jwt";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { confirmTwoFactor, disableTwoFactor, twoFactorState } from "@/server/auth/two-factor";
import { attemptSignIn } from "@/server/auth/sign-in";
import { userFromRequest } from "@/server/auth/guards";
import { authOptions } from "@/server/auth/options";
import { sessionCookieName } from "@/server/auth/cookies";
import { GET as syncProgress } from "@/app/api/w/[slug]/sync/progress/route";
import { checkThrottle, EMAIL_FREE_FAILURES, emailDelayMs, IP_MAX_FAILURES, MAX_FAILURES, recordAttempt, WINDOW_MS } from "@/server/auth/throttle";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { changePassword, createUser } from "@/server/workspaces/users";

const PW = "correct horse battery";

/** The user a route request with this session cookie is signed in as (next-auth's getToken reads it). */
const userFromSessionToken = (token: string) =>
  userFromRequest(new Request(`${env().APP_URL}/x`, { headers: { cookie: `${sessionCookieName()}=${token}` } }));

describe("throttling", () => {
  it("refuses the 6th attempt for one email from one IP after 5 failures, with the wait, even with the right password", async () => {
    await createUser({ email: "t1@example.com", password: PW });
    for (let i = 0; i < MAX_FAILURES; i++) {
      const r = await attemptSignIn({ email: "t1@example.com", password: "wrong password!", ip: "10.0.0.1" });
      expect(r).toEqual({ ok: false, code: "invalid" });
    }
    const sixth = await attemptSignIn({ email: "T1@example.com ", password: PW, ip: "10.0.0.1" });
    expect(sixth.ok).toBe(false);
    expect(sixth.ok === false && sixth.code).toBe("throttled");
    expect(sixth.ok === false && sixth.code === "throttled" && sixth.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // Another account is not affected from another address.
    await createUser({ email: "t2@example.com", password: PW });
    expect((await attemptSignIn({ email: "t2@example.com", password: PW, ip: "10.0.1.1" })).ok).toBe(true);
  });

  it("5 failures from a stranger's IP do not lock the owner out from theirs", async () => {
    await createUser({ email: "owner7@example.com", password: PW });
    for (let i = 0; i < MAX_FAILURES + 3; i++) await attemptSignIn({ email: "owner7@example.com", password: "wrong password!", ip: "203.0.113.66" });
    expect((await attemptSignIn({ email: "owner7@example.com", password: PW, ip: "203.0.113.66" })).ok).toBe(false);
    expect((await attemptSignIn({ email: "owner7@example.com", password: PW, ip: "198.51.100.20" })).ok).toBe(true);
  });

  it("many failures across IPs slow the email down progressively, but not from an IP that signed in before", async () => {
    await createUser({ email: "spray@example.com", password: PW });
    expect((await attemptSignIn({ email: "spray@example.com", password: PW, ip: "192.0.2.200" })).ok).toBe(true);
    for (let i = 0; i < EMAIL_FREE_FAILURES; i++) {
      expect(await attemptSignIn({ email: "spray@example.com", password: "wrong password!", ip: `198.18.0.${i}` })).toEqual({ ok: false, code: "invalid" });
    }
    // The next try from yet another IP must wait, even with the right password.
    const slowed = await attemptSignIn({ email: "spray@example.com", password: PW, ip: "198.18.1.1" });
    expect(slowed.ok === false && slowed.code).toBe("throttled");
    const firstWait = slowed.ok === false && slowed.code === "throttled" ? slowed.retryAfterSeconds : 0;
    expect(firstWait).toBeGreaterThan(0);
    expect(firstWait).toBeLessThanOrEqual(15);
    // The delay doubles with each further failure.
    expect(emailDelayMs(EMAIL_FREE_FAILURES + 1)).toBe(2 * emailDelayMs(EMAIL_FREE_FAILURES));
    expect(emailDelayMs(EMAIL_FREE_FAILURES + 20)).toBe(15 * 60_000);
    // The owner's known IP is not slowed by strangers.
    expect((await attemptSignIn({ email: "spray@example.com", password: PW, ip: "192.0.2.200" })).ok).toBe(true);
  });

  it("refuses more attempts from one IP across emails (password spraying)", async () => {
    for (let i = 0; i < IP_MAX_FAILURES; i++) await attemptSignIn({ email: `nobody${i}@example.com`, password: "x".repeat(12), ip: "192.0.2.7" });
    await createUser({ email: "t3@example.com", password: PW });
    const r = await attemptSignIn({ email: "t3@example.com", password: PW, ip: "192.0.2.7" });
    expect(r.ok === false && r.code).toBe("throttled");
  });

  it("counts failures recorded by other instances (the counters are rows) and forgets them after the window", async () => {
    // Five failures written as another server instance would: straight into the table.
    const past = new Date(Date.now() - 60_000);
    await db.loginAttempt.createMany({ data: Array.from({ length: 5 }, () => ({ email: "t4@example.com", ip: "198.51.100.1", success: false, createdAt: past })) });
    expect((await checkThrottle("t4@example.com", "198.51.100.1")).allowed).toBe(false);
    const later = new Date(past.getTime() + WINDOW_MS + 1000);
    expect((await checkThrottle("t4@example.com", "198.51.100.1", later)).allowed).toBe(true);
    // Four failures are not enough.
    await db.loginAttempt.createMany({ data: Array.from({ length: 4 }, () => ({ email: "t5@example.com", ip: "198.51.100.2", success: false })) });
    expect((await checkThrottle("t5@example.com", "198.51.100.2")).allowed).toBe(true);
    await recordAttempt("t5@example.com", "198.51.100.2", false);
    expect((await checkThrottle("t5@example.com", "198.51.100.2")).allowed).toBe(false);
  });

  it("50 parallel wrong passwords get at most 5 verifications", async () => {
    await createUser({ email: "race-pw@example.com", password: PW });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => attemptSignIn({ email: "race-pw@example.com", password: `wrong password ${i}`, ip: "10.66.0.1" })),
    );
    const verified = results.filter((r) => r.ok === false && r.code === "invalid").length;
    expect(verified).toBeGreaterThan(0);
    expect(verified).toBeLessThanOrEqual(MAX_FAILURES);
    expect(results.filter((r) => r.ok === false && r.code === "throttled").length).toBe(50 - verified);
    expect(await db.loginAttempt.count({ where: { email: "race-pw@example.com" } })).toBe(verified);
  });

  it("50 parallel wrong TOTP codes get at most 5 verifications", async () => {
    const user = await createUser({ email: "race-otp@example.com", password: PW });
    const state = await twoFactorState(user.id, user.email);
    if (state.enabled) throw new Error("expected enrolment state");
    await confirmTwoFactor(user.id, new TOTP({ secret: Secret.fromBase32(state.secret) }).generate());
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => attemptSignIn({ email: user.email, password: PW, otp: String(100000 + i * 7919).slice(0, 6), ip: "10.66.0.2" })),
    );
    const verified = results.filter((r) => r.ok === false && r.code === "otp_invalid").length;
    expect(results.some((r) => r.ok)).toBe(false);
    expect(verified).toBeGreaterThan(0);
    expect(verified).toBeLessThanOrEqual(MAX_FAILURES);
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const unknown = await attemptSignIn({ email: "ghost@example.com", password: PW, ip: "10.9.9.1" });
    await createUser({ email: "t6@example.com", password: PW });
    const wrong = await attemptSignIn({ email: "t6@example.com", password: "not the password", ip: "10.9.9.2" });
    expect(unknown).toEqual(wrong);
  });
});

describe("two-factor sign-in", () => {
  it("asks for a code, accepts a TOTP code and a recovery code, each only once", async () => {
    const user = await createUser({ email: "otp@example.com", password: PW });
    const state = await twoFactorState(user.id, user.email);
    if (state.enabled) throw new Error("expected enrolment state");
    expect(state.qrDataUrl.startsWith("data:image/png;base64,")).toBe(true);
    await expect(confirmTwoFactor(user.id, "000000")).rejects.toThrow(/not right/);
    const code = () => new TOTP({ secret: Secret.fromBase32(state.secret) }).generate();
    const { codes } = await confirmTwoFactor(user.id, code());
    expect(codes).toHaveLength(10);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { recoveryCodes: true, totpSecretEnc: true } });
    expect(stored.recoveryCodes.every((h) => h.startsWith("$argon2id$"))).toBe(true);
    expect(stored.totpSecretEnc).not.toContain(state.secret);

    const ip = "10.7.0.1";
    expect(await attemptSignIn({ email: user.email, password: PW, ip })).toEqual({ ok: false, code: "otp_required" });
    expect(await attemptSignIn({ email: user.email, password: PW, otp: "123456", ip })).toEqual({ ok: false, code: "otp_invalid" });
    const first = code();
    expect((await attemptSignIn({ email: user.email, password: PW, otp: first, ip })).ok).toBe(true);
    // A code works once, even within its 30 seconds; the next period's code works.
    expect(await attemptSignIn({ email: user.email, password: PW, otp: first, ip })).toEqual({ ok: false, code: "otp_invalid" });
    const next = new TOTP({ secret: Secret.fromBase32(state.secret) }).generate({ timestamp: Date.now() + 30_000 });
    expect((await attemptSignIn({ email: user.email, password: PW, otp: next, ip })).ok).toBe(true);
    const recovery = codes[0] ?? "";
    expect((await attemptSignIn({ email: user.email, password: PW, otp: recovery.toUpperCase(), ip })).ok).toBe(true);
    expect(await attemptSignIn({ email: user.email, password: PW, otp: recovery, ip })).toEqual({ ok: false, code: "otp_invalid" });

    await expect(disableTwoFactor(user.id, "wrong password", codes[1] ?? "")).rejects.toThrow(/password/);
    // The password alone is not enough to turn it off: a current or recovery code is needed too.
    await expect(disableTwoFactor(user.id, PW, "")).rejects.toThrow(/code is not right/);
    await expect(disableTwoFactor(user.id, PW, "123456")).rejects.toThrow(/code is not right/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } })).totpEnabledAt).not.toBeNull();
    await disableTwoFactor(user.id, PW, codes[1] ?? "");
    expect((await attemptSignIn({ email: user.email, password: PW, ip })).ok).toBe(true);
  });
});

// next-auth's own handler in its API-route form, with a minimal response object standing in
// for Node's; the CSRF cookie is made the way next-auth checks it.
const csrf = randomBytes(16).toString("hex");
const csrfCookie = () => ({ "next-auth.csrf-token": `${csrf}|${createHash("sha256").update(`${csrf}${authOptions().secret ?? ""}`).digest("hex")}` });
async function nextAuth(path: string[], method: string, cookies: Record<string, string>, body?: Record<string, string>) {
  const out = { status: 200, setCookie: [] as string[], body: undefined as unknown };
  const res = {
    status(n: number) { out.status = n; return res; },
    setHeader(name: string, value: string | string[]) { if (name.toLowerCase() === "set-cookie") out.setCookie = ([] as string[]).concat(value); return res; },
    getHeader(name: string) { return name.toLowerCase() === "set-cookie" ? out.setCookie : undefined; },
    end() { return res; },
    json(b: unknown) { out.body = b; return res; },
    send(b: unknown) { out.body = b; return res; },
  };
  const req = { query: { nextauth: path }, method, cookies, body, headers: { "x-forwarded-for": "10.55.0.1", host: "localhost:3000" } };
  await NextAuth(req as never, res as never, authOptions());
  const name = sessionCookieName();
  const cookie = out.setCookie.find((c) => c.startsWith(`${name}=`));
  return { ...out, sessionCookie: cookie === undefined ? undefined : (cookie.slice(name.length + 1).split(";")[0] ?? "") };
}

describe("sessions", () => {
  it("a password change ends sessions issued before it; tampered tokens are refused", async () => {
    const user = await createUser({ email: "sess@example.com", password: PW });
    const token = await encode({ secret: env().AUTH_SECRET, token: { uid: user.id, sv: 0 } });
    expect((await userFromSessionToken(token))?.email).toBe("sess@example.com");
    expect(await userFromSessionToken(`${token.slice(0, -3)}abc`)).toBeNull();
    expect(await userFromSessionToken(await encode({ secret: "another-secret-another-secret-123", token: { uid: user.id, sv: 0 } }))).toBeNull();
    await expect(changePassword(user.id, "wrong current pw", "new password 123")).rejects.toThrow(/current password/);
    await expect(changePassword(user.id, PW, "short")).rejects.toThrow(/too short/);
    await changePassword(user.id, PW, "new password 123");
    expect(await userFromSessionToken(token)).toBeNull();
  });

  it("refuses weak passwords, bad emails and duplicates with clear messages, writing nothing", async () => {
    await expect(createUser({ email: "not-an-email", password: PW })).rejects.toThrow(/valid email/);
    await expect(createUser({ email: "weak@example.com", password: "123456789" })).rejects.toThrow(/at least 10 characters/);
    await createUser({ email: "dup@example.com", password: PW });
    await expect(createUser({ email: "DUP@example.com", password: PW })).rejects.toThrow(/already exists/);
    expect(await db.user.count({ where: { email: { in: ["weak@example.com", "not-an-email"] } } })).toBe(0);
  });

  it("sign-out ends the session on the server; /api/auth/session does not extend a signed-out token", async () => {
    await createUser({ email: "out@example.com", password: PW });
    const signedIn = await nextAuth(["callback", "credentials"], "POST", csrfCookie(), { csrfToken: csrf, email: "out@example.com", password: PW, json: "true" });
    const token = signedIn.sessionCookie;
    if (!token) throw new Error(`no session cookie after sign-in: ${JSON.stringify(signedIn)}`);
    expect((await userFromSessionToken(token))?.email).toBe("out@example.com");
    const before = await nextAuth(["session"], "GET", { [sessionCookieName()]: token });
    expect(before.sessionCookie).toBeTruthy();

    await nextAuth(["signout"], "POST", { ...csrfCookie(), [sessionCookieName()]: token }, { csrfToken: csrf, json: "true" });
    // A copy of the cookie no longer works, and asking for the session does not re-issue it.
    expect(await userFromSessionToken(token)).toBeNull();
    const after = await nextAuth(["session"], "GET", { [sessionCookieName()]: token });
    expect(after.body).toEqual({});
    expect(after.sessionCookie ?? "").toBe("");
  });

  it("a stray % in another cookie is no session, never a 500", async () => {
    const user = await createUser({ email: "cookie@example.com", password: PW });
    const ws = await db.workspace.create({ data: { slug: "cookie-ws", name: "Cookie" } });
    await db.membership.create({ data: { workspaceId: ws.id, userId: user.id, role: "VIEWER" } });
    const session = `${sessionCookieName()}=${await encode({ secret: env().AUTH_SECRET, token: { uid: user.id, sv: 0 } })}`;
    const get = (cookie: string) =>
      syncProgress(new Request(`${env().APP_URL}/api/w/cookie-ws/sync/progress`, { headers: { cookie } }), { params: Promise.resolve({ slug: "cookie-ws" }) });
    expect((await get(`_ga=GA1.%zz; ${session}`)).status).toBe(200);
    expect((await get(`${session}; _ga=GA1.%zz; other=%E0%A4%A`)).status).toBe(200);
    expect((await get("_ga=GA1.%zz")).status).toBe(401);
    expect((await get(`${sessionCookieName()}=%zz`)).status).toBe(401);
  });
});

describe("sign-in through next-auth", () => {
  it("a throttled attempt is answered the documented way: the wait as `error` in the url, no session cookie", async () => {
    await createUser({ email: "wait@example.com", password: PW });
    for (let i = 0; i < MAX_FAILURES; i++) await attemptSignIn({ email: "wait@example.com", password: "wrong password!", ip: "10.55.0.1" });
    const r = await nextAuth(["callback", "credentials"], "POST", csrfCookie(), { csrfToken: csrf, email: "wait@example.com", password: PW, json: "true" });
    const url = new URL(String((r.body as { url?: string } | undefined)?.url), env().APP_URL);
    expect(r.status).toBe(401);
    const m = /^throttled:(\d+)$/.exec(url.searchParams.get("error") ?? "");
    expect(Number(m?.[1])).toBeGreaterThan(14 * 60);
    expect(r.sessionCookie ?? "").toBe("");
  });

  it("a good sign-in sets authOptions' session cookie, which the route reader accepts", async () => {
    await createUser({ email: "agree@example.com", password: PW });
    const r = await nextAuth(["callback", "credentials"], "POST", csrfCookie(), { csrfToken: csrf, email: "agree@example.com", password: PW, json: "true" });
    expect(authOptions().cookies?.sessionToken?.name).toBe(sessionCookieName());
    expect((await userFromSessionToken(r.sessionCookie ?? ""))?.email).toBe("agree@example.com");
  });
});
