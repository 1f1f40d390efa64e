// next-auth's endpoints (sign-in, sign-out, session, CSRF). A throttled credentials attempt is
// answered 429 with Retry-After; next-auth's client still reads the error from the body's url.
import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx): Promise<Response> {
  const res = (await NextAuth(req as never, ctx as never, authOptions())) as Response;
  if (req.method !== "POST") return res;
  const { nextauth } = await ctx.params;
  if (nextauth[0] !== "callback" || nextauth[1] !== "credentials") return res;
  const body = (await res.clone().json().catch(() => null)) as { url?: string } | null;
  const error = body?.url ? new URL(body.url, "http://x").searchParams.get("error") : null;
  const m = error?.match(/^throttled:(\d+)$/);
  if (!m || !body) return res;
  const headers = new Headers(res.headers);
  headers.set("Retry-After", m[1] ?? "900");
  return new Response(
    JSON.stringify({ ...body, error: { code: "rate_limited", message: "Too many sign-in attempts.", retryAfterSeconds: Number(m[1]) } }),
    { status: 429, headers },
  );
}

export { handler as GET, handler as POST };
