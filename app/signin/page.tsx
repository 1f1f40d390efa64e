// Sign-in page; on a fresh installation (no account yet) it sends people to first-run setup.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthFrame } from "@/components/auth-frame";
import { ClientMessages } from "@/components/client-messages";
import { SignInForm } from "@/components/sign-in-form";
import { safeCallback } from "@/lib/safe-redirect";
import { currentUser } from "@/server/auth/guards";
import { userCount } from "@/server/workspaces/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("metaTitle") };
}
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const callbackUrl = safeCallback(typeof sp.callbackUrl === "string" ? sp.callbackUrl : null);
  if ((await userCount()) === 0) redirect("/setup");
  if (await currentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth.signIn");
  return (
    <AuthFrame title={t("title")}>
      <ClientMessages namespaces={["auth"]}>
        <SignInForm callbackUrl={callbackUrl} />
      </ClientMessages>
    </AuthFrame>
  );
}
