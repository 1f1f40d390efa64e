import type { ReactNode } from "react";
import { Brand } from "./brand";

/** The centred card used by sign-in, first-run setup and invite pages. */
export function AuthFrame({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center px-4 py-12">
      <Brand />
      <main className="mt-8 w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {intro && <div className="mt-1.5 text-sm text-slate-600">{intro}</div>}
        <div className="mt-5">{children}</div>
      </main>
    </div>
  );
}
