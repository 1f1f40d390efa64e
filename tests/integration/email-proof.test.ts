// Accounts for addresses nobody proved, with no mail configured: someone holding an invite link
// can register any address (here an owner registers "their CFO"), so such an account must never
// receive access granted by that address: not by member:add --email, not by another workspace's
// invite bound to it. The invite it was registered through still works.
import { describe, expect, it } from "vitest";
import { registerForInvite } from "@/app/invite/[token]/actions";
import { db } from "@/server/db/client";
import { acceptInvite, createInvite } from "@/server/workspaces/invites";
import { addMember } from "@/server/workspaces/members";
import { createUser } from "@/server/workspaces/users";

const PW = "a long enough password";
const cli = { user: null, label: "test" };

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

describe("unproved emails without mail", () => {
  it("an account registered through someone's invite gets no membership by its address", async () => {
    const attackerWs = await db.workspace.create({ data: { slug: "shady", name: "Shady" } });
    const realWs = await db.workspace.create({ data: { slug: "corp", name: "Corp" } });
    const invite = await createInvite(attackerWs.id, { role: "VIEWER", email: "cfo@corp.example" }, cli);
    const r = await registerForInvite(invite.token, null, form({ email: "cfo@corp.example", password: PW, confirm: PW, name: "Not the CFO" }));
    expect(r?.ok).toBe("Account created.");
    const account = await db.user.findUniqueOrThrow({ where: { email: "cfo@corp.example" } });
    expect(account.emailVerifiedAt).toBeNull();
    expect(account.registeredViaInviteId).toBe(invite.id);
    // The invite it came through works.
    expect(await acceptInvite(invite.token, account)).toBe("shady");

    // An operator's member:add --email refuses, and writes nothing.
    await expect(addMember(realWs.id, "cfo@corp.example", "ADMIN", cli)).rejects.toThrow(/nobody has proved control/);
    // So does another workspace's invite bound to that address.
    const realInvite = await createInvite(realWs.id, { role: "ADMIN", email: "cfo@corp.example" }, cli);
    await expect(acceptInvite(realInvite.token, account)).rejects.toThrow(/nobody has proved control/);
    expect(await db.membership.count({ where: { workspaceId: realWs.id } })).toBe(0);
    expect((await db.invite.findUniqueOrThrow({ where: { id: realInvite.id } })).acceptedAt).toBeNull();

    // Accounts an operator made (setup, user:create) carry no invite and are added as before.
    await createUser({ email: "ops@corp.example", password: PW });
    expect((await addMember(realWs.id, "ops@corp.example", "VIEWER", cli)).email).toBe("ops@corp.example");
  });
});
