import "server-only";
// The Idempotency-Key request header (as in Stripe's and the IETF draft's usage).
import { AppError } from "@/server/http/errors";

export function idempotencyKeyFrom(req: Request): string | null {
  const v = req.headers.get("idempotency-key");
  if (v === null) return null;
  const key = v.trim();
  if (!/^[A-Za-z0-9_.:-]{8,100}$/.test(key)) {
    throw new AppError("invalid_input", "Idempotency-Key: use 8 to 100 letters, digits or _ . : - (a UUID is ideal).", { field: "Idempotency-Key" });
  }
  return key;
}
