"use client";
// The account menu's language choice: one button per language, posting to a server action that
// stores it and comes back to this very URL (path and query), so filters survive the switch.
// Works before hydration too: the return address is rendered on the server.
import { useTranslations } from "next-intl";
import { usePathname, useSearchParams } from "next/navigation";
import { chooseLanguage } from "@/app/account/language-actions";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/i18n/locales";

export function LanguageMenu({ current, itemClassName }: { current: Locale; itemClassName: string }) {
  const t = useTranslations("common.accountMenu");
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return (
    <form action={chooseLanguage} aria-label={t("language")} className="border-t border-slate-100 pt-1">
      <input type="hidden" name="returnTo" value={query ? `${pathname}?${query}` : pathname} />
      <p className="px-3 py-1 text-xs text-slate-500">{t("language")}</p>
      {LOCALES.map((l) => (
        <button key={l} type="submit" name="locale" value={l} lang={l} aria-pressed={l === current} className={`${itemClassName} ${l === current ? "font-semibold" : ""}`}>
          {LOCALE_NAMES[l]}
        </button>
      ))}
    </form>
  );
}
