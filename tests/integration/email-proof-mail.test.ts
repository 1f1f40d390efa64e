// Accounts for addresses nobody proved, with mail configured: an invite sign-up only creates the
// account once the code mailed to the address (over real SMTP, to a sink in this process) is
// entered; wrong codes are limited.
import { afterAll, describe, expect, it } from "vitest";
import { registerForInvite } from "@/app/invite/[token]/actions";
import { db } from "@/server/db/client";
import { MAX_CODE_TRIES } from "@/server/workspaces/email-verification";
import { createInvite } from "@/server/workspaces/invites";
import { addMember } from "@/server/workspaces/members";
import { startSmtpSink } from "../support/smtp-sink";

// env() is read lazily, on first use: setting SMTP_URL here is in time.
const sink = await startSmtpSink();
process.env.SMTP_URL = sink.url;
afterAll(() => sink.close());

const PW = "a long enough password";
const cli = { user: null, label: "test" };

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

function mailedCode(to: string): string {
  const mail = sink.mails.findLast((m) => m.to.includes(to));
  const text = (mail?.data ?? "").replace(/=\r\n/g, "");
  const code = /account is (\d{6})/.exec(text)?.[1];
  if (!code) throw new Error(`no code mailed to ${to}`);
  return code;
}

describe("unproved emails with mail", () => {
  it("creates the account only with the code mailed to the address", async () => {
    const ws = await db.workspace.create({ data: { slug: "mailed", name: "Mailed" } });
    const invite = await createInvite(ws.id, { role: "VIEWER", email: null }, cli);
    const fields = { email: "new@corp.example", password: PW, confirm: PW, name: "New" };
    const first = await registerForInvite(invite.token, null, form(fields));
    expect(first?.verify).toMatch(/^[a-z0-9]+$/);
    expect(first?.ok).toBeUndefined();
    expect(await db.user.count({ where: { email: "new@corp.example" } })).toBe(0);
    const code = mailedCode("new@corp.example");
    const verification = first?.verify ?? "";

    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const bad = await registerForInvite(invite.token, null, form({ ...fields, verification, code: wrong }));
    expect(bad?.error).toMatch(/code is not right/);
    expect(await db.user.count({ where: { email: "new@corp.example" } })).toBe(0);

    const ok = await registerForInvite(invite.token, null, form({ ...fields, verification, code }));
    expect(ok?.ok).toBe("Account created.");
    const user = await db.user.findUniqueOrThrow({ where: { email: "new@corp.example" } });
    expect(user.emailVerifiedAt).not.toBeNull();
    // A proved address can be given access by it.
    const other = await db.workspace.create({ data: { slug: "other-mailed", name: "Other" } });
    expect((await addMember(other.id, "new@corp.example", "VIEWER", cli)).email).toBe("new@corp.example");
  });

  it("spends the sign-up after too many wrong codes", async () => {
    const ws = await db.workspace.create({ data: { slug: "guessed", name: "Guessed" } });
    const invite = await createInvite(ws.id, { role: "VIEWER", email: "target@corp.example" }, cli);
    const fields = { email: "target@corp.example", password: PW, confirm: PW };
    const verification = (await registerForInvite(invite.token, null, form(fields)))?.verify ?? "";
    const code = mailedCode("target@corp.example");
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const tries = await Promise.all(Array.from({ length: 20 }, () => registerForInvite(invite.token, null, form({ ...fields, verification, code: wrong }))));
    expect(tries.filter((t) => /code is not right/.test(t?.error ?? "")).length).toBe(MAX_CODE_TRIES);
    // Even the right code is refused now.
    const late = await registerForInvite(invite.token, null, form({ ...fields, verification, code }));
    expect(late?.error).toMatch(/expired or had too many wrong codes/);
    expect(await db.user.count({ where: { email: "target@corp.example" } })).toBe(0);
  });
});
