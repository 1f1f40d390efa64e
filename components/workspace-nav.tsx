"use client";
// The workspace's section navigation; marks the current section for screen readers.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

// [message key in common.nav, path under the workspace]
const sections = [
  ["dashboard", ""],
  ["activities", "/activities"],
  ["breakdowns", "/breakdowns"],
  ["trainees", "/trainees"],
  ["matrix", "/matrix"],
  ["senarUsers", "/senar-users"],
  ["sync", "/sync"],
  ["usage", "/usage"],
  ["settings", "/settings"],
] as const;

export function WorkspaceNav({ slug, showSettings = true }: { slug: string; showSettings?: boolean }) {
  const t = useTranslations("common.nav");
  const pathname = usePathname();
  const root = `/w/${slug}`;
  return (
    <nav aria-label={t("label")} className="no-print border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-4 sm:px-6">
        {sections
          .filter(([key]) => showSettings || key !== "settings")
          .map(([key, sub]) => {
            const href = `${root}${sub}`;
            const current = sub === "" ? pathname === root : pathname === href || pathname.startsWith(`${href}/`);
            return (
              <li key={key}>
                <Link
                  href={href}
                  aria-current={current ? "page" : undefined}
                  className={`inline-block whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium ${
                    current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
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
