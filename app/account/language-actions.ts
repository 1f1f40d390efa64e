"use server";
// The language menu (account menu, Account → Language): stores User.locale and returns to the
// page it was posted from, query string and all, so a filtered report stays filtered.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { isLocale } from "@/i18n/locales";
import { safeCallback } from "@/lib/safe-redirect";
import { requireUser } from "@/server/auth/guards";
import { db } from "@/server/db/client";

export async function chooseLanguage(data: FormData): Promise<void> {
  const user = await requireUser();
  const raw = data.get("locale");
  // "" is "automatic"; anything else outside the list changes nothing.
  if (raw === "" || isLocale(raw)) {
    await db.user.update({ where: { id: user.id }, data: { locale: raw === "" ? null : raw } });
  }
  const back = data.get("returnTo");
  // Every layout renders text (and <html lang>), so the whole tree is re-rendered.
  revalidatePath("/", "layout");
  redirect(safeCallback(typeof back === "string" ? back : null, "/account"));
}
