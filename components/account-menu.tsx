// The signed-in person's menu: who they are, account settings, language, sign out. A native
// <details> disclosure, so it works with the keyboard and without extra script.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageMenu } from "./language-menu";
import { SignOutButton } from "./sign-out-button";

const item = "block w-full rounded px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 focus-visible:bg-slate-100";

export async function AccountMenu({ email, name }: { email: string; name: string | null }) {
  const [t, locale] = await Promise.all([getTranslations("common.accountMenu"), getLocale()]);
  return (
    <details className="relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
        <span aria-hidden className="grid size-7 place-items-center rounded-full bg-slate-200 text-xs font-semibold uppercase text-slate-700">
          {(name ?? email).slice(0, 1)}
        </span>
        <span className="hidden max-w-48 truncate sm:inline">{name ?? email}</span>
        <span className="sr-only">{t("open")}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-60 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        <p className="truncate px-3 py-2 text-xs text-slate-500">{t("signedInAs", { email })}</p>
        <Link href="/account" className={item}>
          {t("accountSettings")}
        </Link>
        <Link href="/w" className={item}>
          {t("allWorkspaces")}
        </Link>
        <LanguageMenu current={locale} itemClassName={item} />
        <SignOutButton className={item} />
      </div>
    </details>
  );
}
