// The one home of the session cookie names: next-auth's defaults, "__Secure-" when cookies are
// Secure. Server code and proxy.ts (which must stay free of server-only imports) both read them.
export const SESSION_COOKIE = "next-auth.session-token";
export const SECURE_SESSION_COOKIE = "__Secure-next-auth.session-token";
export const SESSION_COOKIES = [SESSION_COOKIE, SECURE_SESSION_COOKIE] as const;
