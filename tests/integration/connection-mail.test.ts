// An owner's change of the Senar address is mailed to every owner when SMTP is set up (issue 12,
// finding 2), through a tiny local SMTP server that records what it receives. The app reads its
// environment once, so SMTP_URL is set before any app module is loaded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink } from "../support/smtp-sink";

const sink = await startSmtpSink();
const received = sink.mails;

beforeAll(() => {
  process.env.SMTP_URL = sink.url;
  process.env.MAIL_FROM = "Portal <portal@example.com>";
});
afterAll(() => sink.close());

describe("address change mail", () => {
  it("mails every enabled owner with the old and new host, never the password; an unchanged address mails nobody", async () => {
    const { createUser } = await import("@/server/workspaces/users");
    const { createWorkspace, updateConnection } = await import("@/server/workspaces/workspaces");
    const { addMember } = await import("@/server/workspaces/members");
    const { env } = await import("@/server/env");
    const cli = { user: null, label: "test" };
    const stamp = Date.now();
    const [a, b, admin] = await Promise.all(["a", "b", "admin"].map((n) => createUser({ email: `${n}-${stamp}@example.com`, password: "a long enough password" })));
    const ws = await createWorkspace({ name: "Mailed Co", ownerId: a!.id, senar: { username: "demo@senar.test", password: "demo-pass1" } }, cli);
    await addMember(ws.id, b!.email, "OWNER", cli);
    await addMember(ws.id, admin!.email, "ADMIN", cli);
    expect(env().SMTP_URL).toBe(process.env.SMTP_URL);

    await updateConnection(ws.id, { baseUrl: env().SENAR_BASE_URL, username: "demo@senar.test", password: "new-pass1" }, { user: { id: admin!.id, email: admin!.email, name: null }, role: "ADMIN" });
    expect(received).toHaveLength(0); // password only: no address change, no mail

    await updateConnection(ws.id, { baseUrl: "http://127.0.0.1:4010", username: "demo@senar.test", password: "demo-pass1" }, { user: { id: a!.id, email: a!.email, name: null }, role: "OWNER" });
    expect(received.flatMap((m) => m.to).sort()).toEqual([a!.email, b!.email].sort());
    for (const m of received) {
      expect(m.data).toContain(`From: ${new URL(env().SENAR_BASE_URL).host}`);
      expect(m.data).toContain("To:   127.0.0.1:4010");
      expect(m.data).toContain(a!.email); // who changed it
      expect(m.data).not.toContain("demo-pass1");
      expect(m.data).not.toContain("new-pass1");
    }
  });
});
