import "server-only";
// Gives the client components below it the catalogs of the named namespaces, plus "common".
// A nested provider replaces its parent's messages (next-intl does not merge them), hence common.
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import type { Namespace } from "@/i18n/namespaces";
import { loadMessages, pick } from "@/server/i18n/messages";

export async function ClientMessages({ namespaces, children }: { namespaces: readonly Exclude<Namespace, "common">[]; children: ReactNode }) {
  const messages = await loadMessages(await getLocale());
  return <NextIntlClientProvider messages={pick(messages, ["common", ...namespaces])}>{children}</NextIntlClientProvider>;
}
