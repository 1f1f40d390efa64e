// Switches between the workspaces the person belongs to (a <details> list of links).
import Link from "next/link";

export function WorkspaceSwitcher({ current, workspaces }: { current: { slug: string; name: string }; workspaces: { slug: string; name: string }[] }) {
  return (
    <details className="relative">
      <summary className="flex cursor-pointer list-none items-center gap-1.5 rounded-md border border-slate-200 px-2.5 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
        <span className="sr-only">Workspace: </span>
        <span className="max-w-56 truncate">{current.name}</span>
        <span aria-hidden className="text-slate-400">▾</span>
      </summary>
      <div className="absolute left-0 z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        <p className="px-3 py-1.5 text-xs font-medium uppercase tracking-wide text-slate-500">Switch workspace</p>
        <ul>
          {workspaces.map((w) => (
            <li key={w.slug}>
              <Link
                href={`/w/${w.slug}`}
                aria-current={w.slug === current.slug ? "true" : undefined}
                className="block truncate rounded px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 aria-[current=true]:font-semibold aria-[current=true]:text-brand-700"
              >
                {w.name}
              </Link>
            </li>
          ))}
        </ul>
        <Link href="/w?new=1" className="mt-1 block rounded border-t border-slate-100 px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
          + New workspace
        </Link>
      </div>
    </details>
  );
}
