"use client";
// Sign out through lib/auth-client (plain fetches), not next-auth/react: this button is on every
// signed-in page, and the next-auth client would ship in all their first-load JS.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { signOut } from "@/lib/auth-client";

export function SignOutButton({ className = "" }: { className?: string }) {
  const t = useTranslations("common.accountMenu");
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        // On a network failure the button is usable again; the session is untouched.
        signOut("/signin").catch(() => setPending(false));
      }}
      className={className}
    >
      {t("signOut")}
    </button>
  );
}
