"use server";
// Server actions of the Senar connection page: adapters over server/commands/connection. Test
// connection runs the same command as POST /api/w/[slug]/senar/test-connection.
import { revalidatePath } from "next/cache";
import { type ActionState } from "@/server/auth/action-result";
import { commandAction, formFields } from "@/server/commands/action";
import { saveConnection as saveConnectionCommand, testConnection } from "@/server/commands/connection";

export async function saveConnection(slug: string, _prev: ActionState, data: FormData): Promise<ActionState> {
  const { state } = await commandAction(slug, saveConnectionCommand, () => formFields(data), () => {
    revalidatePath(`/w/${slug}/settings/connection`);
    return "Saved. Use Test connection to check it.";
  });
  return state;
}

export async function runConnectionTest(slug: string, _prev: ActionState): Promise<ActionState> {
  let failed: string | undefined;
  const { state } = await commandAction(slug, testConnection, () => undefined, (outcome) => {
    revalidatePath(`/w/${slug}/settings/connection`);
    if (!outcome.ok) failed = outcome.message;
    return outcome.message;
  });
  // A refused login is an outcome of the test (stored and audited), shown as the form's error.
  return failed ? { error: failed, at: state?.at } : state;
}
