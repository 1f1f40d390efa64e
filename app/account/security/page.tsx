// Two-factor authentication: enrol with a QR code (rendered on the server) or turn it off.
import type { Metadata } from "next";
import { AccountShell } from "@/components/account-shell";
import { ActionForm } from "@/components/action-form";
import { TwoFactorEnrol } from "@/components/two-factor-enrol";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { requireUser } from "@/server/auth/guards";
import { twoFactorState } from "@/server/auth/two-factor";
import { confirmTwoFactorAction, disableTwoFactorAction } from "../actions";

export const metadata: Metadata = { title: "Two-factor authentication" };
export const dynamic = "force-dynamic";

export default async function SecurityPage() {
  const user = await requireUser();
  const state = await twoFactorState(user.id, user.email);
  const fmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
  const enabledView = state.enabled ? (
    <div>
      <p className="mb-4 text-sm text-slate-700">
        On since {fmt.format(state.since)}. {state.recoveryLeft} recovery code{state.recoveryLeft === 1 ? "" : "s"} left. To turn it off, confirm with your password and a code from your app (or a recovery code).
      </p>
      <ActionForm action={disableTwoFactorAction} submitLabel="Turn off two-factor authentication" variant="danger">
        <Field id="password" name="password" type="password" label="Password" autoComplete="current-password" required />
        <Field id="code" name="code" label="Code from your app, or a recovery code" autoComplete="one-time-code" inputMode="text" required />
      </ActionForm>
    </div>
  ) : null;
  const enrolView = state.enabled ? null : (
    <div className="text-sm text-slate-800">
      <p>1. Scan this QR code with an authenticator app (Google Authenticator, 1Password, Authy…):</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server */}
      <img src={state.qrDataUrl} alt="QR code to add Senar Portal to an authenticator app" width={200} height={200} className="mt-2 rounded border border-slate-200" />
      <p className="mt-2 text-slate-700">
        Or enter this key by hand: <code data-testid="totp-secret" className="select-all break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono">{state.secret}</code>
      </p>
      <p className="mt-4">2. Enter the code the app shows:</p>
    </div>
  );
  return (
    <AccountShell user={user} current="security">
      <Card
        title={state.enabled ? "Two-factor authentication is on" : "Two-factor authentication is off"}
        description="With it on, signing in also asks for a code from an authenticator app."
      >
        <TwoFactorEnrol action={confirmTwoFactorAction} enabled={state.enabled} enabledView={enabledView} enrolView={enrolView} />
      </Card>
    </AccountShell>
  );
}
