"use client";
// Email + password, then (when the account has 2FA) a code from the authenticator app or a
// recovery code: the server answers "otp_required" and the same form asks for it.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Field } from "./ui/field";
import { useHydrated } from "./ui/use-hydrated";
import { signInWithCredentials } from "@/lib/auth-client";
import { safeCallback } from "@/lib/safe-redirect";

type T = ReturnType<typeof useTranslations<"auth.signIn">>;

function message(t: T, error: string): string {
  const throttled = error.match(/^throttled:(\d+)$/);
  if (throttled) {
    const s = Number(throttled[1]);
    return s < 60 ? t("throttledSeconds", { seconds: s }) : t("throttledMinutes", { minutes: Math.ceil(s / 60) });
  }
  if (error === "otp_invalid") return t("otpInvalid");
  if (error === "otp_required") return "";
  return t("wrongCredentials");
}

export function SignInForm({ callbackUrl, initialEmail = "" }: { callbackUrl: string; initialEmail?: string }) {
  const t = useTranslations("auth.signIn");
  const router = useRouter();
  const [needCode, setNeedCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const codeRef = useRef<HTMLInputElement>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signInWithCredentials({
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
      otp: needCode ? String(data.get("otp") ?? "") : "",
    });
    setPending(false);
    if (res.ok && !res.error) {
      // The prop comes from the server already checked; checked again since this is the redirect.
      router.replace(safeCallback(callbackUrl));
      router.refresh();
      return;
    }
    const code = res.error ?? "invalid";
    if (code === "otp_required") {
      setNeedCode(true);
      setTimeout(() => codeRef.current?.focus(), 0);
      return;
    }
    setError(message(t, code));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field id="email" name="email" type="email" label={t("email")} autoComplete="username" defaultValue={initialEmail} required readOnly={needCode} autoFocus />
      <Field id="password" name="password" type="password" label={t("password")} autoComplete="current-password" required readOnly={needCode} />
      {needCode && (
        <Field
          ref={codeRef}
          id="otp"
          name="otp"
          label={t("code")}
          inputMode="text"
          autoComplete="one-time-code"
          hint={t("codeHint")}
          required
        />
      )}
      <div aria-live="assertive">{error && <Alert tone="error">{error}</Alert>}</div>
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? t("pending") : needCode ? t("verify") : t("submit")}
      </Button>
    </form>
  );
}
