// Shown (with status 403) when a signed-in member lacks the role a page needs.
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";

export default async function Forbidden() {
  const t = await getTranslations("common.forbidden");
  return (
    <div className="mx-auto max-w-lg px-6 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">{t("status")}</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("body")}</p>
      <div className="mt-6">
        <ButtonLink href="/w" variant="secondary">
          {t("back")}
        </ButtonLink>
      </div>
    </div>
  );
}
