// Account settings: name, password and language.
import type { Metadata } from "next";
import { AccountShell } from "@/components/account-shell";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { LanguageForm } from "@/components/language-form";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { requireUser } from "@/server/auth/guards";
import { PASSWORD_RULE } from "@/server/auth/password";
import { changePasswordAction, saveProfile } from "./actions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser();
  const t = await getTranslations("account.language");
  return (
    <AccountShell user={user} current="profile">
      <Card title="Profile">
        <ActionForm action={saveProfile} submitLabel="Save">
          <Field id="email" label="Email" value={user.email} readOnly hint="Your sign-in address." />
          <Field id="name" name="name" label="Name" defaultValue={user.name ?? ""} autoComplete="name" maxLength={100} />
        </ActionForm>
      </Card>
      <Card title="Change password" description="Other sessions of this account are signed out when the password changes.">
        <ActionForm action={changePasswordAction} submitLabel="Change password">
          <Field id="current" name="current" type="password" label="Current password" autoComplete="current-password" required />
          <Field id="password" name="password" type="password" label="New password" autoComplete="new-password" minLength={10} required hint={PASSWORD_RULE} />
          <Field id="confirm" name="confirm" type="password" label="Repeat the new password" autoComplete="new-password" minLength={10} required />
        </ActionForm>
      </Card>
      <Card title={t("title")} description={t("description")}>
        <LanguageForm chosen={user.locale} />
      </Card>
    </AccountShell>
  );
}
