// The one home of the session cookie names: next-auth's defaults, "__Secure-" when cookies are
// Secure. server/auth/cookies.ts puts the chosen one into authOptions.cookies (so next-auth
// writes it and getToken reads it); proxy.ts, which must stay free of server-only imports,
// checks for either.
export const SESSION_COOKIE = "next-auth.session-token";
export const SECURE_SESSION_COOKIE = "__Secure-next-auth.session-token";
export const SESSION_COOKIES = [SESSION_COOKIE, SECURE_SESSION_COOKIE] as const;

export function sessionCookieNameFor(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}
