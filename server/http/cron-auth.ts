import "server-only";
// The one check of `Authorization: Bearer $CRON_SECRET`, shared by the cron routes (Vercel Cron
// sends it) and by /api/health, whose details only an operator should see.
import { timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { AppError } from "./errors";

export function hasCronSecret(req: Request): boolean {
  const given = Buffer.from(req.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${env().CRON_SECRET}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** route() resolver: refuses a request without the cron secret. */
export function cronAuth(req: Request): Promise<void> {
  if (!hasCronSecret(req)) {
    return Promise.reject(new AppError("unauthenticated", "A valid Authorization: Bearer <CRON_SECRET> header is required."));
  }
  return Promise.resolve();
}
