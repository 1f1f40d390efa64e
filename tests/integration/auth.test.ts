// Sign-in checks against a real database: throttling (counters shared through the database),
// the generic failure, TOTP as a second step, recovery codes used once, session versions.
import { encode } from "next-auth/jwt";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { confirmTwoFactor, disableTwoFactor, twoFactorState } from "@/server/auth/two-factor";
import { attemptSignIn } from "@/server/auth/sign-in";
import { userFromSessionToken } from "@/server/auth/session";
import { checkThrottle, MAX_FAILURES, recordAttempt, WINDOW_MS } from "@/server/auth/throttle";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { changePassword, createUser } from "@/server/workspaces/users";

const PW = "correct horse battery";

describe("throttling", () => {
  it("refuses the 6th attempt for one email after 5 failures, with the wait, even with the right password", async () => {
    await createUser({ email: "t1@example.com", password: PW });
    for (let i = 0; i < MAX_FAILURES; i++) {
      const r = await attemptSignIn({ email: "t1@example.com", password: "wrong password!", ip: `10.0.0.${i}` });
      expect(r).toEqual({ ok: false, code: "invalid" });
    }
    const sixth = await attemptSignIn({ email: "T1@example.com ", password: PW, ip: "10.0.0.99" });
    expect(sixth.ok).toBe(false);
    expect(sixth.ok === false && sixth.code).toBe("throttled");
    expect(sixth.ok === false && sixth.code === "throttled" && sixth.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // Another account is not affected from another address.
    await createUser({ email: "t2@example.com", password: PW });
    expect((await attemptSignIn({ email: "t2@example.com", password: PW, ip: "10.0.1.1" })).ok).toBe(true);
  });

  it("refuses a 6th attempt from one IP across emails", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) await attemptSignIn({ email: `nobody${i}@example.com`, password: "x".repeat(12), ip: "192.0.2.7" });
    await createUser({ email: "t3@example.com", password: PW });
    const r = await attemptSignIn({ email: "t3@example.com", password: PW, ip: "192.0.2.7" });
    expect(r.ok === false && r.code).toBe("throttled");
  });

  it("counts failures recorded by other instances (the counters are rows) and forgets them after the window", async () => {
    // Five failures written as another server instance would: straight into the table.
    const past = new Date(Date.now() - 60_000);
    await db.loginAttempt.createMany({ data: Array.from({ length: 5 }, () => ({ email: "t4@example.com", ip: "198.51.100.1", success: false, createdAt: past })) });
    expect((await checkThrottle("t4@example.com", "203.0.113.9")).allowed).toBe(false);
    const later = new Date(past.getTime() + WINDOW_MS + 1000);
    expect((await checkThrottle("t4@example.com", "203.0.113.9", later)).allowed).toBe(true);
    // Four failures are not enough.
    await db.loginAttempt.createMany({ data: Array.from({ length: 4 }, () => ({ email: "t5@example.com", ip: "198.51.100.2", success: false })) });
    expect((await checkThrottle("t5@example.com", "198.51.100.3")).allowed).toBe(true);
    await recordAttempt("t5@example.com", "198.51.100.3", false);
    expect((await checkThrottle("t5@example.com", "198.51.100.4")).allowed).toBe(false);
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

    await expect(disableTwoFactor(user.id, "wrong password")).rejects.toThrow(/password/);
    await disableTwoFactor(user.id, PW);
    expect((await attemptSignIn({ email: user.email, password: PW, ip })).ok).toBe(true);
  });
});

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
});
