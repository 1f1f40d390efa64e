"use client";
// New account from an invite: create it, sign in, then accept the invite as that account.
import { NewAccountForm, type Created } from "./new-account-form";

export function InviteRegisterForm({ register, accept, email, passwordRule }: {
  register: (prev: Created, data: FormData) => Promise<Created>;
  accept: (prev: Created) => Promise<Created>;
  email: string | null;
  passwordRule: string;
}) {
  return (
    <NewAccountForm
      create={register}
      email={email}
      passwordRule={passwordRule}
      submitLabel="Create account and join"
      next={async (_created, signedIn) => {
        if (!signedIn) return "Your account was created, but signing in failed. Sign in, then open the invite link again.";
        // On success the action redirects to the workspace; it answers only with an error.
        return (await accept(null))?.error ?? null;
      }}
    />
  );
}
