// First run: while no account exists, ask for the owner account and the first workspace.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthFrame } from "@/components/auth-frame";
import { SetupForm } from "@/components/setup-form";
import { PASSWORD_RULE } from "@/server/auth/password";
import { userCount } from "@/server/workspaces/users";
import { setupAction } from "./actions";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if ((await userCount()) > 0) redirect("/signin");
  return (
    <AuthFrame title="Welcome to Senar Portal" intro="No account exists yet. Create the first one: it will own your first workspace.">
      <SetupForm action={setupAction} passwordRule={PASSWORD_RULE} />
    </AuthFrame>
  );
}
