// The workspace shell: header (switcher, account menu) and section navigation. It does NOT
// authorize: every page under it calls requireMember itself. It only reads who is signed in to
// draw the header, and draws a bare shell when that fails.
import { getTranslations } from "next-intl/server";
import { AccountMenu } from "@/components/account-menu";
import { Brand } from "@/components/brand";
import { WorkspaceNav } from "@/components/workspace-nav";
import { WorkspaceSwitcher } from "@/components/workspace-switcher";
import { currentUser } from "@/server/auth/guards";
import { workspacesOf } from "@/server/workspaces/workspaces";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await currentUser();
  const workspaces = user ? await workspacesOf(user.id) : [];
  const current = workspaces.find((w) => w.slug === slug);
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("skipToContent")}
      </a>
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-4 px-4 sm:px-6">
          <div className="flex items-center gap-4">
            <Brand href={current ? `/w/${slug}` : "/w"} />
            {current && <WorkspaceSwitcher current={current} workspaces={workspaces} />}
          </div>
          {user && <AccountMenu email={user.email} name={user.name} />}
        </div>
      </header>
      {current && <WorkspaceNav slug={slug} showSettings={current.role !== "VIEWER"} />}
      <main id="main" className="print-full mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
