// "Add user" (admins): creates a Senar user in one or more collections through Senar's user_assign.
import type { Metadata } from "next";
import Link from "next/link";
import { AddUserForm } from "@/components/senar-users/add-user-form";
import { StudioNote } from "@/components/senar-users/studio-note";
import { Card } from "@/components/ui/card";
import { requireMember } from "@/server/auth/guards";
import { collectionChoices } from "@/server/data/collections";
import { studioUrl } from "@/server/data/workspace-settings";

export const metadata: Metadata = { title: "Add Senar user" };

export default async function AddSenarUserPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireMember(slug, "ADMIN");
  const [collections, studio] = await Promise.all([
    collectionChoices(ctx.scope),
    studioUrl(ctx.scope),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/w/${slug}/senar-users`} className="text-brand-700 hover:underline">
          Senar users
        </Link>
        <span aria-hidden className="px-1.5 text-slate-400">/</span>
        <span className="text-slate-600">Add user</span>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Add a Senar user</h1>
      <StudioNote studioUrl={studio} />
      <Card title="New user" description="Sent to Senar with this workspace's stored connection; the password is not kept by the portal.">
        <AddUserForm slug={slug} collections={collections} />
      </Card>
    </div>
  );
}
