// Frame of the signed-in pages outside a workspace (workspace picker, account): header with
// the brand and account menu, and a narrow main column with the page title.
import type { ReactNode } from "react";
import { AccountMenu } from "./account-menu";
import { Brand } from "./brand";

export function SignedInShell({ user, title, children }: { user: { email: string; name: string | null }; title: string; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-3xl items-center justify-between px-4">
          <Brand href="/w" />
          <AccountMenu email={user.email} name={user.name} />
        </div>
      </header>
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-10">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {children}
      </main>
    </div>
  );
}
