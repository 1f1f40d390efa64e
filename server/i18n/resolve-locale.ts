import "server-only";
// The one rule for which language a request is served in: the signed-in user's choice, then the
// browser's Accept-Language, then the workspace's default language, then English. Pure apart
// from the lazy workspace lookup it is handed, so the order is unit-tested without a request.
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "@/i18n/locales";

type Range = { tag: string; q: number; order: number };

/** Accept-Language ranges with q > 0, best first (ties keep the header's order). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header || header.length > 4096) return [];
  const ranges: Range[] = [];
  header.split(",").forEach((part, order) => {
    const [rawTag, ...params] = part.trim().split(";");
    const tag = rawTag?.trim().toLowerCase() ?? "";
    if (!/^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/.test(tag)) return;
    let q = 1;
    for (const p of params) {
      const m = p.trim().match(/^q=([01](?:\.\d{0,3})?)$/i);
      if (m) q = Number(m[1]);
      else if (/^q=/i.test(p.trim())) q = 0; // malformed weight: ignore the range
    }
    if (q > 0 && q <= 1) ranges.push({ tag, q, order });
  });
  return ranges.sort((a, b) => b.q - a.q || a.order - b.order).map((r) => r.tag);
}

/** The first of our languages the browser asks for (de-AT → de); "*" alone picks nothing. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  for (const tag of parseAcceptLanguage(acceptLanguage)) {
    const primary = tag.split("-")[0];
    const hit = LOCALES.find((l) => l === primary);
    if (hit) return hit;
  }
  return null;
}

export type LocaleInputs = {
  /** User.locale of the signed-in user; null or undefined when signed out or not chosen. */
  userLocale?: string | null;
  acceptLanguage?: string | null;
  /** Looked up only when the first two give nothing (it costs a query). */
  workspaceLocale?: () => Promise<string | null | undefined>;
};

export async function resolveLocale({ userLocale, acceptLanguage, workspaceLocale }: LocaleInputs): Promise<Locale> {
  if (isLocale(userLocale)) return userLocale;
  const fromBrowser = negotiateLocale(acceptLanguage);
  if (fromBrowser) return fromBrowser;
  const fromWorkspace = workspaceLocale ? await workspaceLocale() : null;
  if (isLocale(fromWorkspace)) return fromWorkspace;
  return DEFAULT_LOCALE;
}
