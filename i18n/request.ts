import "server-only";
// next-intl's per-request configuration (found by the plugin in next.config.mjs): which language
// this request renders in (the rule is server/i18n/resolve-locale.ts) and its catalogs. URLs carry
// no locale, so the same link shows the same report in every language.
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentUser } from "@/server/auth/guards";
import { db } from "@/server/db/client";
import { loadMessages } from "@/server/i18n/messages";
import { resolveLocale } from "@/server/i18n/resolve-locale";
import { PATHNAME_HEADER } from "@/lib/pathname-header";

const WORKSPACE_PATH = /^\/w\/([a-z0-9-]{1,64})(?:\/|$)/;

export default getRequestConfig(async () => {
  const h = await headers();
  const user = await currentUser();
  const locale = await resolveLocale({
    userLocale: user?.locale,
    acceptLanguage: h.get("accept-language"),
    // Only a member learns a workspace's default language: the header names any slug.
    workspaceLocale: async () => {
      const slug = user ? h.get(PATHNAME_HEADER)?.match(WORKSPACE_PATH)?.[1] : undefined;
      if (!user || !slug) return null;
      const m = await db.membership.findFirst({
        where: { userId: user.id, disabledAt: null, workspace: { slug } },
        select: { workspace: { select: { defaultLocale: true } } },
      });
      return m?.workspace.defaultLocale ?? null;
    },
  });
  return {
    locale,
    messages: await loadMessages(locale),
    // Pages format dates with the workspace's zone explicitly (lib/format.ts); this only keeps
    // next-intl's own formatters from depending on the server's zone.
    timeZone: "UTC",
  };
});
