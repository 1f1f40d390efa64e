// Account → Language: the same action as the account menu's buttons, with "automatic" as well
// (User.locale back to null: browser language, then the workspace's default).
import { getTranslations } from "next-intl/server";
import { chooseLanguage } from "@/app/account/language-actions";
import { LOCALE_NAMES, LOCALES } from "@/i18n/locales";
import { Button } from "./ui/button";
import { SelectField } from "./ui/field";

export async function LanguageForm({ chosen }: { chosen: string | null | undefined }) {
  const t = await getTranslations("account.language");
  return (
    <form action={chooseLanguage} className="space-y-4">
      <input type="hidden" name="returnTo" value="/account" />
      <SelectField id="locale" name="locale" label={t("field")} defaultValue={chosen ?? ""}>
        <option value="">{t("auto")}</option>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </SelectField>
      <Button type="submit">{t("save")}</Button>
    </form>
  );
}
