// next-auth refuses a callbackUrl query or callback-url cookie that `new URL` cannot read as
// http(s) by answering its "server configuration" 500 on every non-HTML endpoint (session, csrf,
// callback…). proxy.ts uses this check (next-auth's own rule) to answer 400 for such a query and
// to drop such a cookie before next-auth sees it.
export const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

export function nextAuthAcceptsCallback(value: string, base: string): boolean {
  try {
    return /^https?:/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}
