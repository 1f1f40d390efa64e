import "server-only";
// Shared input rules for workspace data functions (UI actions and the CLI use the same ones).
import { z } from "zod";
import { LOCALES } from "@/i18n/locales";
import { checkOutboundUrl, OutboundError, policyFor } from "../net/outbound";

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return tz.length > 0 && tz.length <= 64;
  } catch {
    return false;
  }
}

export function timeZones(): string[] {
  const list = Intl.supportedValuesOf("timeZone");
  return list.includes("UTC") ? list : ["UTC", ...list];
}

export const workspaceName = z.string().trim().min(2, "The name needs at least 2 characters.").max(80, "The name can have at most 80 characters.");
export const email = z.string().trim().toLowerCase().max(320).pipe(z.email({ message: "Enter a valid email address." }));
export const roleSchema = z.enum(["OWNER", "ADMIN", "VIEWER"], { message: "The role must be owner, admin or viewer." });

export const generalSettings = z.object({
  name: workspaceName,
  timeZone: z.string().refine(isTimeZone, "Choose a time zone from the list."),
  passMarkPct: z.coerce.number({ message: "The pass mark must be a number." }).int("The pass mark must be a whole number.").min(1, "The pass mark must be between 1 and 100.").max(100, "The pass mark must be between 1 and 100."),
  syncIntervalMinutes: z.union([
    z.literal("off").transform(() => null),
    z.coerce.number({ message: "The sync interval must be a number of minutes or off." }).int().min(5, "Sync at most every 5 minutes.").max(10_080, "Sync at least once a week."),
  ]),
  // Optional so callers that predate it (CLI, tests) leave the language as it is.
  defaultLocale: z.enum(LOCALES, { message: "Choose a language from the list." }).optional(),
});
export type GeneralSettings = z.infer<typeof generalSettings>;

/**
 * A Senar address: http(s), no credentials, and its host in SENAR_ALLOWED_HOSTS (issue 12: the
 * address is where the stored password is sent). The client checks the same rule again per call.
 */
export const senarUrl = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, message: "Enter the Senar address as an http(s) URL, e.g. https://studio.senar.io." }))
  .superRefine((u, ctx) => {
    const policy = policyFor("senar");
    try {
      checkOutboundUrl(u, policy);
    } catch (e) {
      if (!(e instanceof OutboundError)) throw e;
      const message =
        e.reason === "host_not_allowed"
          ? `The Senar address must be on an allowed Senar host (${policy.allowedHosts.join(", ") || "none configured"}).`
          : e.message;
      ctx.addIssue({ code: "custom", message });
    }
  })
  .transform((u) => u.replace(/\/+$/, ""));

/** First zod message, for one-line answers. */
export function firstIssue(err: z.ZodError): string {
  return err.issues[0]?.message ?? "Invalid input.";
}
