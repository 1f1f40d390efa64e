import "server-only";
// Loads one language's catalogs (never the other languages') and cuts out the namespaces a
// client subtree needs, so the browser receives only the strings it renders.
import { cache } from "react";
import type { AbstractIntlMessages } from "next-intl";
import type { Locale } from "@/i18n/locales";
import { NAMESPACES, type Namespace } from "@/i18n/namespaces";

export type Messages = Record<Namespace, AbstractIntlMessages>;

/** Every namespace of `locale`, keyed by namespace; cached per request (and by the module cache). */
export const loadMessages = cache(async (locale: Locale): Promise<Messages> => {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => {
      const mod = (await import(`../../messages/${locale}/${ns}.json`)) as { default: AbstractIntlMessages };
      return [ns, mod.default] as const;
    }),
  );
  return Object.fromEntries(entries) as Messages;
});

/** The namespaces a client subtree needs; "common" is always given by the root layout. */
export function pick(messages: Messages, namespaces: readonly Namespace[]): Partial<Messages> {
  return Object.fromEntries(namespaces.map((ns) => [ns, messages[ns]]));
}
