import type { Metadata } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { loadMessages, pick } from "@/server/i18n/messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.meta");
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, description: t("description") };
}

// Every page is rendered per request: the CSP nonce (proxy.ts) differs each time, and a page
// prerendered at build time would carry scripts without it, which the browser then refuses.
// The browser gets only "common" here; layouts and pages deeper down add their own namespaces
// with <ClientMessages> (components/client-messages.tsx).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const locale = await getLocale();
  const messages = await loadMessages(locale);
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <NextIntlClientProvider messages={pick(messages, ["common"])}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
