import { intakeWebhook } from "@/server/sync/webhook-intake";

// POST /api/webhooks/senar/<token>: a Senar webhook delivery (records, or a "something changed" signal).
export async function POST(req: Request, ctx: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await ctx.params;
  return intakeWebhook(token, req);
}
