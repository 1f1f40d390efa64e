// The extra fields our credentials flow puts on next-auth's user, token and session.
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    /** The signed-in user's id (the session callback copies it from the token). */
    uid?: string;
    /** User.locale as the jwt callback last read it from the user row (null: automatic). */
    locale?: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    /** Session id: stable across re-issues, recorded as revoked on sign-out. */
    sid?: string;
    /** User.locale, refreshed from the user row on every read, never trusted from sign-in time. */
    locale?: string | null;
  }
}
