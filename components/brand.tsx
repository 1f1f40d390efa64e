import Link from "next/link";
import { useTranslations } from "next-intl";

export function Brand({ href = "/" }: { href?: string }) {
  const t = useTranslations("common.meta");
  return (
    <Link href={href} className="flex items-center gap-2 font-semibold tracking-tight text-slate-900">
      <span aria-hidden className="grid size-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white">
        S
      </span>
      <span>{t("title")}</span>
    </Link>
  );
}
