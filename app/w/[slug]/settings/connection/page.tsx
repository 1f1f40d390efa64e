// Workspace settings, Senar connection: address, username, password (never shown), test, status.
import type { Metadata } from "next";
import { ActionForm } from "@/components/action-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { requireMember } from "@/server/auth/guards";
import { connectionSettings } from "@/server/data/workspace-settings";
import { env } from "@/server/env";
import { runConnectionTest, saveConnection } from "./actions";

export const metadata: Metadata = { title: "Senar connection" };

function when(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(d);
}

export default async function ConnectionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireMember(slug, "ADMIN");
  // Only whether a password is stored reaches the page, never the value.
  const ws = await connectionSettings(ctx.scope);
  const hasPassword = ws.hasPassword;
  const tz = ctx.workspace.timeZone;
  const isOwner = ctx.role === "OWNER";
  return (
    <>
      <Card title="Status">
        <div aria-live="polite">
          {ws.connectionOkAt ? (
            <Alert tone="success">Connected since {when(ws.connectionOkAt, tz)}.</Alert>
          ) : ws.connectionError && ws.connectionErrorAt ? (
            <Alert tone="error">
              {ws.connectionError} <span className="whitespace-nowrap">(at {when(ws.connectionErrorAt, tz)})</span>
            </Alert>
          ) : hasPassword ? (
            <Alert tone="info">Not tested yet.</Alert>
          ) : (
            <Alert tone="warning">No Senar connection yet: enter the account the portal should read from.</Alert>
          )}
        </div>
        {hasPassword && (
          <ActionForm action={runConnectionTest.bind(null, slug)} submitLabel="Test connection" variant="secondary" className="mt-4" />
        )}
      </Card>
      <Card title="Senar account" description="The portal signs in to Senar with this account to read users and training activities.">
        <ActionForm action={saveConnection.bind(null, slug)} submitLabel="Save connection">
          <Field
            id="baseUrl"
            name="baseUrl"
            label="Senar address"
            type="url"
            defaultValue={ws.senarBaseUrl ?? env().SENAR_BASE_URL}
            required
            readOnly={!isOwner}
            hint={isOwner ? "Changing it needs the password typed again; the owners are told." : "Only an owner can change the address."}
          />
          <Field id="username" name="username" label="Senar username" autoComplete="off" defaultValue={ws.senarUsername ?? ""} required />
          <Field
            id="password"
            name="password"
            type="password"
            label="Senar password"
            autoComplete="new-password"
            placeholder={hasPassword ? "•••• stored" : ""}
            required={!hasPassword}
            hint={
              hasPassword
                ? "A password is stored (encrypted). Leave this empty to keep it (only while the address and username stay the same), or type a new one to replace it."
                : "Stored encrypted; it is never shown again."
            }
          />
        </ActionForm>
      </Card>
    </>
  );
}
