// Workspace picker: the workspaces the signed-in person belongs to, and a form to create one.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { SignedInShell } from "@/components/signed-in-shell";
import { requireUser } from "@/server/auth/guards";
import { roleLabel } from "@/server/auth/roles";
import { workspacesOf } from "@/server/workspaces/workspaces";
import { createWorkspaceAction } from "./actions";

export const metadata: Metadata = { title: "Workspaces" };

export default async function WorkspacesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const sp = await searchParams;
  const list = await workspacesOf(user.id);
  const only = list[0];
  if (list.length === 1 && only && sp.new === undefined) redirect(`/w/${only.slug}`);
  return (
    <SignedInShell user={user} title="Your workspaces">
      {list.length === 0 ? (
        <p className="text-slate-600">You are not a member of any workspace yet. Open an invite link you received, or create a workspace below.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {list.map((w) => (
            <li key={w.slug}>
              <Link href={`/w/${w.slug}`} className="flex items-center justify-between px-5 py-4 hover:bg-slate-50">
                <span className="font-medium text-slate-900">{w.name}</span>
                <span className="text-sm text-slate-600">{roleLabel[w.role]}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Card title="New workspace" description="One workspace per organisation and Senar account. You will be its owner.">
        <ActionForm action={createWorkspaceAction} submitLabel="Create workspace">
          <Field id="name" name="name" label="Organisation name" required minLength={2} maxLength={80} />
        </ActionForm>
      </Card>
    </SignedInShell>
  );
}
