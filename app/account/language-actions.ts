"use server";
// The language menu (account menu, Account → Language): stores User.locale and returns to the
// page it was posted from, query string and all, so a filtered report stays filtered.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { isLocale } from "@/i18n/locales";
import { safeCallback } from "@/lib/safe-redirect";
import { requireUser } from "@/server/auth/guards";
import { setUserLocale } from "@/server/workspaces/users";

// `unknown`: the argument arrives as the browser sent it. The menu offers only valid choices,
// so anything else (a tampered value, not a form at all) changes nothing and just goes back.
export async function chooseLanguage(data: unknown): Promise<void> {
  const user = await requireUser();
  const form = data instanceof FormData ? data : null;
  const raw = form?.get("locale");
  // "" is "automatic" (User.locale back to null).
  if (raw === "" || isLocale(raw)) {
    await setUserLocale(user.id, raw === "" ? null : raw);
    // Every layout renders text (and <html lang>), so the whole tree is re-rendered.
    revalidatePath("/", "layout");
  }
  const back = form?.get("returnTo");
  redirect(safeCallback(typeof back === "string" ? back : null, "/account"));
}
