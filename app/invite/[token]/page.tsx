// An invite link: shows what it offers; signed in → accept; signed out → sign in or create an account.
import type { Metadata } from "next";
import { ActionForm } from "@/components/action-form";
import { AuthFrame } from "@/components/auth-frame";
import { InviteRegisterForm } from "@/components/invite-register-form";
import { SignOutButton } from "@/components/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { currentUser } from "@/server/auth/guards";
import { PASSWORD_RULE } from "@/server/auth/password";
import { roleLabel } from "@/server/auth/roles";
import { AppError } from "@/server/http/errors";
import { lookupInvite, type InviteView } from "@/server/workspaces/invites";
import { mailConfigured } from "@/server/workspaces/mail";
import { acceptAsCurrentUser, registerForInvite } from "./actions";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let invite: InviteView;
  try {
    invite = await lookupInvite(token);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return (
      <AuthFrame title="This invite cannot be used">
        <Alert tone="error">{err.message}</Alert>
        <div className="mt-4">
          <ButtonLink href="/signin" variant="secondary">Go to sign in</ButtonLink>
        </div>
      </AuthFrame>
    );
  }
  const user = await currentUser();
  const intro = (
    <>
      You are invited to <strong className="text-slate-900">{invite.workspaceName}</strong> as {roleLabel[invite.role].toLowerCase()}.
    </>
  );
  if (user) {
    return (
      <AuthFrame title="Join workspace" intro={intro}>
        <p className="mb-4 text-sm text-slate-700">You are signed in as {user.email}.</p>
        <ActionForm action={acceptAsCurrentUser.bind(null, token)} submitLabel={`Join ${invite.workspaceName}`} />
        <p className="mt-4 text-sm text-slate-600">
          Not you? <SignOutButton className="font-medium text-brand-700 underline" />
        </p>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title="Join workspace" intro={intro}>
      <p className="mb-4 text-sm text-slate-700">
        Already have an account?{" "}
        <a className="font-medium text-brand-700 underline" href={`/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>
          Sign in
        </a>{" "}
        first. Otherwise create one:
      </p>
      <p className="mb-4 text-sm text-slate-600" data-testid="email-proof-note">
        {mailConfigured()
          ? "We will mail a code to the address to check that it is yours before the account is created."
          : "This portal cannot send mail, so the address you enter is not checked. The account can join this workspace through this link; no other workspace can add it by its address until the address is proved."}
      </p>
      <InviteRegisterForm register={registerForInvite.bind(null, token)} accept={acceptAsCurrentUser.bind(null, token)} email={invite.email} passwordRule={PASSWORD_RULE} />
    </AuthFrame>
  );
}
