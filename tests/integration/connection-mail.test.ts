// An owner's change of the Senar address is mailed to every owner when SMTP is set up (issue 12,
// finding 2), through a tiny local SMTP server that records what it receives. The app reads its
// environment once, so SMTP_URL is set before any app module is loaded.
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Mail = { to: string[]; data: string };
const received: Mail[] = [];

function smtpSession(socket: Socket) {
  let to: string[] = [];
  let data: string | null = null;
  let buffer = "";
  socket.write("220 localhost test SMTP\r\n");
  socket.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    for (;;) {
      if (data !== null) {
        const end = buffer.indexOf("\r\n.\r\n");
        if (end < 0) return;
        data += buffer.slice(0, end);
        buffer = buffer.slice(end + 5);
        received.push({ to, data });
        to = [];
        data = null;
        socket.write("250 queued\r\n");
        continue;
      }
      const nl = buffer.indexOf("\r\n");
      if (nl < 0) return;
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === "EHLO" || verb === "HELO") socket.write("250-localhost\r\n250 8BITMIME\r\n");
      else if (verb === "RCPT") {
        to.push(/<([^>]*)>/.exec(line)?.[1] ?? "");
        socket.write("250 ok\r\n");
      } else if (verb === "DATA") {
        data = "";
        socket.write("354 go ahead\r\n");
      } else if (verb === "QUIT") {
        socket.end("221 bye\r\n");
        return;
      } else socket.write("250 ok\r\n");
    }
  });
}

let smtp: Server;

beforeAll(async () => {
  smtp = createServer(smtpSession);
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.address() as AddressInfo).port}`;
  process.env.MAIL_FROM = "Portal <portal@example.com>";
});
afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
});

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
