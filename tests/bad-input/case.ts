// The shape of one bad-input case and of the context case generators draw on.
import type { Persona } from "../support/portal-fixture";

/**
 * How a refusal must look:
 * - api: a 4xx with the one error shape {error:{code,message}} (405 for a method the route does not
 *   export is answered by Next.js itself, with an empty body: accepted, and counted apart);
 * - page: anything but a 5xx (a redirect, 404/403 page, or the page ignoring the bad filter);
 * - action: no 5xx; the action answers its { error } state, a redirect, or a 404/403;
 * - nextauth: next-auth's own answers (redirects with ?error=, 4xx), never a 5xx;
 * - any: never a 5xx (the cookie, header and URL families, where the request may well succeed,
 *   as when a stray analytics cookie sits next to a valid session).
 */
export type Expect = "api" | "page" | "action" | "nextauth" | "any";

export type Case = {
  label: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | FormData | Uint8Array;
  expect: Expect;
  /**
   * Set on cases refused by Next.js's own server-action protocol handling before any app code
   * runs (cross-site Origin, an undecodable reply, a body over the 1 MB limit): Next answers
   * those 500 with an error digest. Tolerated, counted apart and reported, not hidden.
   */
  framework?: true;
  /** Tables the route may write even when refusing (the webhook's log of refused deliveries). */
  mayWrite?: string[];
  /**
   * Sent byte for byte over a TCP socket instead of fetch (a duplicated Content-Length, raw control
   * characters: fetch refuses to send those). `path`/`method` then only label the case.
   */
  raw?: string;
  /** A redirect, if any, must stay on the portal's origin (Location, or next-auth's JSON `url`). */
  sameOrigin?: true;
};

export type CaseContext = {
  origin: string;
  slug: string;
  otherSlug: string;
  cookie: Record<Persona, string>;
  /** Cookies that must not authenticate: garbage, tampered, foreign secret, stale session version. */
  badCookies: Record<string, string>;
  keys: { acme: string; globex: string; revoked: string };
  inviteToken: string;
  /** Webhook URL tokens: a live subscription of acme, and a revoked one. */
  hook: { token: string; revokedToken: string };
  cronSecret: string;
  /** Ids of real records of the other workspace (must answer 404 here). */
  foreign: { senarUserId: string; traineeId: string };
  /** Server action ids, by "file#export". */
  actionIds: Map<string, { id: string; page: string }>;
  /** A next-auth CSRF token and its cookie, so sign-in and sign-out cases reach the app's code. */
  csrf: { token: string; cookie: string };
  /** A real account (the admin persona), for sign-ins that succeed with a hostile callbackUrl. */
  account: { email: string; password: string };
};

export type CaseGenerator = (ctx: CaseContext) => Case[];
