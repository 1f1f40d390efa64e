import { redirect } from "next/navigation";
import { Brand } from "@/components/brand";
import { ButtonLink } from "@/components/ui/button";
import { currentUser } from "@/server/auth/guards";

export const dynamic = "force-dynamic";

const features = [
  ["Who trained", "Sessions, trainees and hours per period, with the change against the last one."],
  ["Who passed what", "A competency matrix of trainees × scenarios, coloured by best score."],
  ["Where people fail", "The hardest scenarios, tilts and abandons, drill-down by simulator."],
  ["Always current", "Senar's webhooks land in the portal's cache; scheduled syncs keep it complete."],
];

export default async function Home() {
  // Signed-in people go straight to their workspace (the picker redirects when there is one).
  if (await currentUser()) redirect("/w");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-6xl items-center justify-between px-6">
          <Brand />
          <nav aria-label="Account">
            <ButtonLink href="/signin" variant="secondary">Sign in</ButtonLink>
          </nav>
        </div>
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-6 py-16">
        <h1 className="max-w-2xl text-4xl font-semibold tracking-tight text-slate-900">
          Training reports for your Senar simulators
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-slate-600">
          Connect your organisation&apos;s Senar account and see who trained, who passed, where people struggle and how much
          simulator time you use — for every site and cost centre.
        </p>
        <div className="mt-8 flex gap-3">
          <ButtonLink href="/signin">Sign in to your workspace</ButtonLink>
        </div>
        <ul className="mt-16 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {features.map(([title, text]) => (
            <li key={title} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <h2 className="font-medium text-slate-900">{title}</h2>
              <p className="mt-1.5 text-sm text-slate-600">{text}</p>
            </li>
          ))}
        </ul>
      </main>
      <footer className="border-t border-slate-200 py-6 text-center text-xs text-slate-500">
        Senar Portal · data from studio.senar.io
      </footer>
    </div>
  );
}
