// Members and invites: admins see them; owners invite, change roles, disable, remove.
import type { Metadata } from "next";
import { ActionForm } from "@/components/action-form";
import { InviteForm } from "@/components/invite-form";
import { Card } from "@/components/ui/card";
import { requireMember } from "@/server/auth/guards";
import { roleLabel } from "@/server/auth/roles";
import { listMembers, pendingInvites } from "@/server/data/workspace-members";
import { inviteAction, removeAction, revokeInviteAction, roleAction, toggleDisabledAction } from "./actions";

export const metadata: Metadata = { title: "Members" };

const fmt = (d: Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(d);

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireMember(slug, "ADMIN");
  const owner = ctx.role === "OWNER";
  const [members, invites] = await Promise.all([listMembers(ctx.scope), pendingInvites(ctx.scope)]);
  return (
    <>
      <Card title="Members" description={owner ? "Owners manage members. The last enabled owner cannot be removed, demoted or disabled." : "Only owners can change members."}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">Person</th>
                <th scope="col" className="py-2 pr-4 font-medium">Role</th>
                <th scope="col" className="py-2 pr-4 font-medium">Status</th>
                {owner && <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((m) => {
                const label = m.user.name ? `${m.user.name} (${m.user.email})` : m.user.email;
                return (
                  <tr key={m.user.id} className="align-top">
                    <td className="py-3 pr-4">
                      <div className="font-medium text-slate-900">{m.user.name ?? m.user.email}</div>
                      {m.user.name && <div className="text-slate-600">{m.user.email}</div>}
                      {m.user.id === ctx.user.id && <div className="text-xs text-slate-500">You</div>}
                    </td>
                    <td className="py-3 pr-4">
                      {owner ? (
                        <ActionForm action={roleAction.bind(null, slug, m.user.id)} submitLabel="Change" variant="secondary" inline>
                          <label className="sr-only" htmlFor={`role-${m.user.id}`}>Role of {label}</label>
                          {/* Keyed by the role so a saved change shows after React resets the form (see SelectField). */}
                          <select key={m.role} id={`role-${m.user.id}`} name="role" defaultValue={m.role} className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm">
                            <option value="OWNER">Owner</option>
                            <option value="ADMIN">Admin</option>
                            <option value="VIEWER">Viewer</option>
                          </select>
                        </ActionForm>
                      ) : (
                        roleLabel[m.role]
                      )}
                    </td>
                    <td className="py-3 pr-4">{m.disabledAt ? <span className="text-amber-800">Disabled</span> : <span className="text-emerald-800">Active</span>}</td>
                    {owner && (
                      <td className="py-3">
                        <div className="flex flex-wrap gap-2">
                          <ActionForm
                            action={toggleDisabledAction.bind(null, slug, m.user.id, !m.disabledAt)}
                            submitLabel={m.disabledAt ? `Enable` : `Disable`}
                            variant="secondary"
                            inline
                          />
                          <ActionForm action={removeAction.bind(null, slug, m.user.id)} submitLabel="Remove" variant="danger" inline />
                        </div>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
      {owner && (
        <Card title="Invite someone" description="Creates a single-use link valid for 7 days. Only its fingerprint is stored, so copy it when it is shown.">
          <InviteForm action={inviteAction.bind(null, slug)} />
        </Card>
      )}
      <Card title="Pending invites">
        {invites.length === 0 ? (
          <p className="text-sm text-slate-600">No pending invites.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {invites.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-2.5 text-sm">
                <span>
                  {roleLabel[i.role]} invite{i.email ? ` for ${i.email}` : ""} · expires {fmt(i.expiresAt)}
                </span>
                {owner && <ActionForm action={revokeInviteAction.bind(null, slug, i.id)} submitLabel="Revoke" variant="secondary" inline />}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
