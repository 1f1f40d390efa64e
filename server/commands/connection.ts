import "server-only";
// Commands of the Senar connection settings (admins; only owners may change the address, which
// updateConnection checks). testConnection is the ONE Test connection: the page's button and
// POST /api/w/[slug]/senar/test-connection both run it, so the outcome is stored and audited once.
import { z } from "zod";
import { audit } from "../audit";
import { SenarError } from "../senar/errors";
import { connectionProblem, markConnectionOk, senarFor } from "../senar/for-workspace";
import { updateConnection } from "../workspaces/workspaces";
import { defineCommand } from "./command";
import { noInput, text } from "./inputs";

export const saveConnection = defineCommand({
  role: "ADMIN",
  input: z.object({ baseUrl: text, username: text, password: text }),
  run: async (ctx, input) => updateConnection(ctx.workspace.id, input, { user: ctx.user, role: ctx.role }),
});

export type TestOutcome = { ok: true; message: string } | { ok: false; kind: string; message: string };

/** A real login with the stored settings; a Senar refusal is an outcome (stored), not an error. */
export const testConnection = defineCommand({
  role: "ADMIN",
  input: noInput,
  run: async (ctx): Promise<TestOutcome> => {
    const workspaceId = ctx.workspace.id;
    const client = await senarFor(workspaceId);
    let outcome: TestOutcome;
    try {
      await client.login();
      await markConnectionOk(workspaceId);
      outcome = { ok: true, message: "Connected: Senar accepted the username and password." };
    } catch (err) {
      if (!(err instanceof SenarError)) throw err;
      outcome = { ok: false, kind: err.kind, message: connectionProblem(err) };
    }
    await audit({ workspaceId, actor: ctx.user, action: "connection.tested", details: { ok: outcome.ok } });
    return outcome;
  },
});
