"use client";
// First-run form: creates the owner account and first workspace, signs in, opens the workspace.
import { useRouter } from "next/navigation";
import { NewAccountForm, type Created } from "./new-account-form";
import { Field } from "./ui/field";

export function SetupForm({ action, passwordRule }: { action: (prev: Created, data: FormData) => Promise<Created>; passwordRule: string }) {
  const router = useRouter();
  return (
    <NewAccountForm
      create={action}
      passwordRule={passwordRule}
      submitLabel="Create owner account"
      next={async (created, signedIn) => {
        // Signing in can only fail here if something else changed the account meanwhile.
        router.replace(signedIn && created.slug ? `/w/${created.slug}/settings/connection` : "/signin");
        router.refresh();
        return null;
      }}
    >
      <Field id="workspace" name="workspace" label="Organisation (workspace) name" required minLength={2} maxLength={80} hint="You can add more workspaces later." />
    </NewAccountForm>
  );
}
