import "server-only";
// The one way the portal makes an outgoing HTTP request to an address a user typed (issue 12,
// finding 1: SSRF). Senar calls may only go to SENAR_ALLOWED_HOSTS; other purposes (customer
// webhooks, an LRS) may go anywhere public, and to internal addresses only when their host is
// listed in OUTBOUND_ALLOWED_HOSTS. The address is checked where the socket is opened (a custom
// DNS lookup inside undici's connector), so a name that resolves differently on the second ask
// (DNS rebinding) still cannot reach an internal address. Redirects are never followed.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { Agent, buildConnector, fetch as undiciFetch, type RequestInit as UndiciInit, type Response as UndiciResponse } from "undici";
import { env } from "../env";
import { isInternalAddress, isIpLiteral } from "./address";

export type OutboundPurpose = "senar" | "webhook" | "lrs";
export type OutboundRefusal = "bad_url" | "host_not_allowed" | "internal_address" | "redirect";

/** A request the guard refused, before or while connecting, or a redirect it would not follow. */
export class OutboundError extends Error {
  override name = "OutboundError";
  constructor(
    readonly reason: OutboundRefusal,
    message: string,
    readonly extra: { host?: string; status?: number } = {},
  ) {
    super(message);
  }
}

export type OutboundPolicy = {
  purpose: OutboundPurpose;
  /** Hosts allowed by name: whatever address they resolve to is accepted. */
  allowedHosts: readonly string[];
  /** true (Senar): a host not listed is refused outright. false: any public address is fine. */
  listedOnly: boolean;
};

/** Resolves a name to all its addresses; replaceable in tests. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

/** Lower case, no IPv6 brackets, no trailing dot: the form hosts are compared in. */
export function normalHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
}

export function parseHostList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map(normalHost)
    .filter((h) => h !== "");
}

export function policyFor(purpose: OutboundPurpose): OutboundPolicy {
  const e = env();
  return purpose === "senar"
    ? { purpose, allowedHosts: parseHostList(e.SENAR_ALLOWED_HOSTS), listedOnly: true }
    : { purpose, allowedHosts: parseHostList(e.OUTBOUND_ALLOWED_HOSTS), listedOnly: false };
}

const isListed = (policy: OutboundPolicy, host: string) => policy.allowedHosts.includes(normalHost(host));

/**
 * The checks that need no network: http(s) only, no credentials in the URL, the host listed (Senar),
 * and an IP literal not internal unless listed. WHATWG URL parsing has already turned 0x7f000001,
 * 2130706433, 017700000001 and 127.1 into 127.0.0.1. Returns the parsed URL.
 */
export function checkOutboundUrl(raw: string, policy: OutboundPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError("bad_url", "The address is not a valid URL.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new OutboundError("bad_url", "Only http and https addresses are allowed.");
  if (url.username || url.password) throw new OutboundError("bad_url", "The address must not contain a username or password.");
  const host = normalHost(url.hostname);
  if (!host) throw new OutboundError("bad_url", "The address has no host.");
  if (isListed(policy, host)) return url;
  if (policy.listedOnly) {
    throw new OutboundError("host_not_allowed", `The host ${host} is not an allowed ${policy.purpose === "senar" ? "Senar " : ""}host.`, { host });
  }
  if (isIpLiteral(host) && isInternalAddress(host)) {
    throw new OutboundError("internal_address", `The address ${host} is internal; outgoing calls to it are refused.`, { host });
  }
  return url;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** The lookup undici's connector hands to net/tls.connect: resolves, then refuses internal answers. */
function guardedLookup(policy: OutboundPolicy, resolve: Resolver) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    resolve(hostname).then(
      (addresses) => {
        if (!isListed(policy, hostname)) {
          if (policy.listedOnly) {
            callback(new OutboundError("host_not_allowed", `The host ${normalHost(hostname)} is not an allowed host.`, { host: hostname }), []);
            return;
          }
          // Any internal answer refuses the whole name: the socket may pick any of them.
          if (addresses.length === 0 || addresses.some((a) => isInternalAddress(a.address))) {
            callback(new OutboundError("internal_address", `The host ${normalHost(hostname)} resolves to an internal address.`, { host: hostname }), []);
            return;
          }
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, []),
    );
  };
}

/** An undici dispatcher that checks every connection it opens against the policy. */
export function createGuardedDispatcher(policy: OutboundPolicy, resolve: Resolver = systemResolver): Agent {
  const base = buildConnector({ lookup: guardedLookup(policy, resolve) } as buildConnector.BuildOptions);
  const connect: buildConnector.connector = (opts, callback) => {
    // net.connect skips the lookup for an IP literal, so those are checked here.
    const host = normalHost(opts.hostname);
    if (isIpLiteral(host) && !isListed(policy, host) && (policy.listedOnly || isInternalAddress(host))) {
      const reason = policy.listedOnly ? "host_not_allowed" : "internal_address";
      callback(new OutboundError(reason, `The address ${host} is refused for outgoing calls.`, { host }), null);
      return;
    }
    base(opts, callback);
  };
  return new Agent({ connect });
}

const dispatchers = new Map<string, Agent>();

function dispatcherFor(policy: OutboundPolicy): Agent {
  const key = `${policy.purpose}|${policy.listedOnly}|${policy.allowedHosts.join(",")}`;
  let d = dispatchers.get(key);
  if (!d) {
    d = createGuardedDispatcher(policy);
    dispatchers.set(key, d);
  }
  return d;
}

/** Finds an OutboundError in a fetch failure (undici wraps connector errors in TypeError.cause). */
export function outboundErrorIn(e: unknown): OutboundError | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if (cur instanceof OutboundError) return cur;
    cur = cur instanceof Error ? cur.cause : undefined;
  }
  return undefined;
}

export type OutboundOptions = { purpose: OutboundPurpose; policy?: OutboundPolicy; dispatcher?: Agent };

/**
 * fetch for user-given addresses. Throws OutboundError when the address is refused (also when
 * the refusal happens while connecting) and when the answer is a redirect, which is never followed.
 */
export async function outboundFetch(url: string, init: Omit<UndiciInit, "redirect" | "dispatcher">, opts: OutboundOptions): Promise<UndiciResponse> {
  const policy = opts.policy ?? policyFor(opts.purpose);
  const checked = checkOutboundUrl(url, policy);
  let res: UndiciResponse;
  try {
    res = await undiciFetch(checked, { ...init, redirect: "manual", dispatcher: opts.dispatcher ?? dispatcherFor(policy) });
  } catch (e) {
    throw outboundErrorIn(e) ?? e;
  }
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel().catch(() => undefined);
    throw new OutboundError("redirect", `The server answered a redirect (${res.status}); redirects are refused.`, { status: res.status, host: checked.hostname });
  }
  return res;
}
