import "server-only";
// A Senar client for one workspace: decrypts the stored password and token just in time, keeps
// refreshed tokens (encrypted), and records the connection status the settings page shows.
import { decrypt, DecryptError, encrypt } from "../crypto";
import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../http/errors";
import { log } from "../log";
import { SenarClient, type SenarError } from "./senar-client";
import { logSenarFailure, senarProblem } from "./errors";

/** Failures that say something about the connection itself (not about one request). */
const CONNECTION_KINDS = new Set(["authentication", "unavailable", "timeout", "redirect", "address_refused"]);

export async function markConnectionOk(workspaceId: string): Promise<void> {
  await db.workspace.update({ where: { id: workspaceId }, data: { connectionOkAt: new Date(), connectionError: null, connectionErrorAt: null } });
}

export async function markConnectionError(workspaceId: string, message: string): Promise<void> {
  await db.workspace.update({ where: { id: workspaceId }, data: { connectionOkAt: null, connectionError: message.slice(0, 500), connectionErrorAt: new Date() } });
}

/** Plain words for a Senar failure, as shown next to the connection settings (the one table in errors.ts). */
export function connectionProblem(err: SenarError): string {
  logSenarFailure(err, "connection");
  return senarProblem(err).message;
}

export async function senarFor(workspaceId: string): Promise<SenarClient> {
  const ws = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { senarBaseUrl: true, senarUsername: true, senarPasswordEnc: true, senarTokenEnc: true },
  });
  if (!ws) throw new AppError("not_found", "No such workspace.");
  if (!ws.senarUsername || !ws.senarPasswordEnc) {
    throw new AppError("bad_request", "This workspace has no Senar connection yet. An admin can set it up under Settings → Senar connection.");
  }
  let password: string;
  let token: string | null = null;
  try {
    password = decrypt(ws.senarPasswordEnc, { workspaceId, column: "senarPasswordEnc" });
    token = ws.senarTokenEnc ? decrypt(ws.senarTokenEnc, { workspaceId, column: "senarTokenEnc" }) : null;
  } catch (err) {
    if (err instanceof DecryptError) {
      throw new AppError("bad_request", "The stored Senar password cannot be decrypted with the configured ENCRYPTION_KEY. Enter the password again.");
    }
    throw err;
  }
  return new SenarClient(
    { baseUrl: ws.senarBaseUrl ?? env().SENAR_BASE_URL, username: ws.senarUsername, password, token },
    {
      onToken: async (fresh) => {
        await db.workspace.update({
          where: { id: workspaceId },
          data: { senarTokenEnc: encrypt(fresh, { workspaceId, column: "senarTokenEnc" }), senarTokenAt: new Date(), connectionOkAt: new Date(), connectionError: null, connectionErrorAt: null },
        });
      },
      // Connection-level failures of any call, so the status reflects syncs and actions too.
      onError: async (err) => {
        if (!CONNECTION_KINDS.has(err.kind)) return;
        await markConnectionError(workspaceId, connectionProblem(err)).catch((e: unknown) => log.warn("could not record connection error", { err: e }));
      },
    },
  );
}
