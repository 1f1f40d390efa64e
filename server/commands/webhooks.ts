import "server-only";
// Commands for the Senar webhooks (admins): register both hooks, or unsubscribe one. Senar calls
// and audit entries stay in server/sync/webhooks-out.ts, which the CLI shares.
import { z } from "zod";
import { registerHooks, unsubscribeHook } from "../sync/webhooks-out";
import { defineCommand } from "./command";
import { noInput } from "./inputs";

export const registerWebhooks = defineCommand({
  role: "ADMIN",
  input: noInput,
  run: async (ctx) => registerHooks(ctx.workspace.id, { user: ctx.user }),
});

export const unsubscribeWebhook = defineCommand({
  role: "ADMIN",
  input: z.object({ id: z.string().min(1).max(64) }),
  run: async (ctx, input) => unsubscribeHook(ctx.workspace.id, input.id, { user: ctx.user }),
});
