// Settings frame: title and sub-navigation only. Each settings page authorizes itself.
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { SettingsNav } from "@/components/settings-nav";

export default async function SettingsLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const t = await getTranslations("settings");
  return (
    <ClientMessages namespaces={["settings"]}>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <div className="mt-6 flex flex-col gap-6 md:flex-row">
          <SettingsNav slug={slug} />
          <div className="min-w-0 flex-1 space-y-6">{children}</div>
        </div>
      </div>
    </ClientMessages>
  );
}
