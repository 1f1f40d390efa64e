// The extra fields our credentials flow puts on next-auth's user and token.
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    /** Session id: stable across re-issues, recorded as revoked on sign-out. */
    sid?: string;
  }
}
