// next-auth's endpoints (sign-in, sign-out, session, CSRF), answered by next-auth as they are.
// The options are built per request: they read the environment, which a build does not have.
import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

type Ctx = { params: Promise<{ nextauth: string[] }> };

function handler(req: Request, ctx: Ctx): Promise<Response> {
  return NextAuth(authOptions())(req, ctx);
}

export { handler as GET, handler as POST };
