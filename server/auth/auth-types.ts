import "server-only";
// The shapes of who is signed in and what they may do, in their own module so the guards, the
// role order and the session decoder all depend on it rather than on each other (no cycles).

export type Role = "OWNER" | "ADMIN" | "VIEWER";
// locale: User.locale, read with the session row so choosing the language costs no extra query.
export type SessionUser = { id: string; email: string; name: string | null; locale?: string | null };
