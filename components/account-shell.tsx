// Frame of the account pages: the signed-in frame plus the account sub-navigation.
import Link from "next/link";
import type { ReactNode } from "react";
import { SignedInShell } from "./signed-in-shell";

export function AccountShell({ user, current, children }: { user: { email: string; name: string | null }; current: "profile" | "security"; children: ReactNode }) {
  const tab = (key: typeof current, href: string, label: string) => (
    <Link
      href={href}
      aria-current={current === key ? "page" : undefined}
      className={`rounded-md px-3 py-2 text-sm ${current === key ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
    >
      {label}
    </Link>
  );
  return (
    <SignedInShell user={user} title="Your account">
      <nav aria-label="Account" className="flex gap-1">
        {tab("profile", "/account", "Profile and password")}
        {tab("security", "/account/security", "Two-factor authentication")}
      </nav>
      {children}
    </SignedInShell>
  );
}
