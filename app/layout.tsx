import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { loadMessages, pick } from "@/server/i18n/messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.meta");
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, description: t("description") };
}

// The browser gets only "common" here; layouts and pages deeper down add their own namespaces
// with <ClientMessages> (components/client-messages.tsx).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
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
