"use client";
// Sub-navigation of a workspace's settings (some sections belong to other features).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

// [message key in settings.nav, path under the settings]
const sections = [
  ["general", ""],
  ["connection", "/connection"],
  ["members", "/members"],
  ["webhooks", "/webhooks"],
  ["apiKeys", "/api-keys"],
  ["audit", "/audit"],
] as const;

export function SettingsNav({ slug }: { slug: string }) {
  const t = useTranslations("settings.nav");
  const pathname = usePathname();
  const root = `/w/${slug}/settings`;
  return (
    <nav aria-label={t("label")} className="md:w-48 md:shrink-0">
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
        {sections.map(([key, sub]) => {
          const href = `${root}${sub}`;
          const current = sub === "" ? pathname === root : pathname.startsWith(href);
          return (
            <li key={key}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-2 text-sm ${
                  current ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"
                }`}
              >
                {t(key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
