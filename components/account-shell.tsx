// Frame of the account pages: header and the account sub-navigation.
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountMenu } from "./account-menu";
import { Brand } from "./brand";

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
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-3xl items-center justify-between px-4">
          <Brand href="/w" />
          <AccountMenu email={user.email} name={user.name} />
        </div>
      </header>
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-10">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Your account</h1>
        <nav aria-label="Account" className="flex gap-1">
          {tab("profile", "/account", "Profile and password")}
          {tab("security", "/account/security", "Two-factor authentication")}
        </nav>
        {children}
      </main>
    </div>
  );
}
