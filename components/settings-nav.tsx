"use client";
// Sub-navigation of a workspace's settings (some sections belong to other features).
import Link from "next/link";
import { usePathname } from "next/navigation";

const sections = [
  ["General", ""],
  ["Senar connection", "/connection"],
  ["Members", "/members"],
  ["Webhooks", "/webhooks"],
  ["API keys", "/api-keys"],
  ["Audit log", "/audit"],
] as const;

export function SettingsNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  const root = `/w/${slug}/settings`;
  return (
    <nav aria-label="Settings" className="md:w-48 md:shrink-0">
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
        {sections.map(([label, sub]) => {
          const href = `${root}${sub}`;
          const current = sub === "" ? pathname === root : pathname.startsWith(href);
          return (
            <li key={label}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-2 text-sm ${
                  current ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
