import "server-only";
// Which IP addresses an outgoing request may reach on its own (issue 12, finding 1): loopback,
// private, link-local (cloud metadata), CGNAT, unspecified, multicast and reserved ranges are
// internal, in IPv4 and IPv6, including IPv6 forms that carry an IPv4 address inside
// (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::/96 NAT64, 2002::/16 6to4). Kept pure so it is easy to test.
import { isIP } from "node:net";

/** [first address as a 32-bit number, prefix length] */
const V4_INTERNAL: [number, number][] = [
  [v4("0.0.0.0"), 8], // "this network", including the unspecified 0.0.0.0
  [v4("10.0.0.0"), 8],
  [v4("100.64.0.0"), 10], // CGNAT (and Alibaba's metadata 100.100.100.200)
  [v4("127.0.0.0"), 8],
  [v4("169.254.0.0"), 16], // link-local: 169.254.169.254 is the metadata service of AWS, GCP, Azure
  [v4("172.16.0.0"), 12],
  [v4("192.0.0.0"), 24], // IETF protocol assignments (incl. 192.0.0.192 Oracle metadata)
  [v4("192.168.0.0"), 16],
  [v4("198.18.0.0"), 15], // benchmarking
  [v4("224.0.0.0"), 4], // multicast
  [v4("240.0.0.0"), 4], // reserved, and 255.255.255.255
];

function v4(text: string): number {
  const parts = text.split(".").map(Number);
  return (((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!) >>> 0;
}

function inV4(addr: number, [start, bits]: [number, number]): boolean {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (addr & mask) >>> 0 === (start & mask) >>> 0;
}

function internalV4(addr: number): boolean {
  return V4_INTERNAL.some((range) => inV4(addr, range));
}

/** Eight 16-bit groups, or undefined if the text is not an IPv6 address. */
function v6Groups(text: string): number[] | undefined {
  let s = text.replace(/^\[|\]$/g, "").split("%")[0]!.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const n = v4(dotted[1]!);
    s = `${s.slice(0, -dotted[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (fill < 0) return undefined;
  const groups = [...head, ...Array<string>(fill).fill("0"), ...tail].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

function internalV6(g: number[]): boolean {
  const embedded = ((g[6]! << 16) >>> 0) + g[7]!;
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeros(8)) return true; // :: unspecified
  if (zeros(7) && g[7] === 1) return true; // ::1 loopback
  if (zeros(5) && g[5] === 0xffff) return internalV4(embedded); // ::ffff:a.b.c.d IPv4-mapped
  if (zeros(6)) return true; // ::a.b.c.d IPv4-compatible (deprecated): never a real public peer
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return internalV4(embedded); // NAT64
  if (g[0] === 0x2002) return internalV4(((g[1]! << 16) >>> 0) + g[2]!); // 6to4
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local (incl. AWS fd00:ec2::254)
  if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((first & 0xffc0) === 0xfec0) return true; // fec0::/10 old site-local
  if ((first & 0xff00) === 0xff00) return true; // multicast
  if (first === 0x2001 && g[1] === 0xdb8) return true; // documentation
  return false;
}

/** True for an address an outgoing call must not reach unless its host is allowed by name. Not an IP: true. */
export function isInternalAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, "");
  const kind = isIP(bare.split("%")[0]!);
  if (kind === 4) return internalV4(v4(bare));
  if (kind === 6) {
    const g = v6Groups(bare);
    return g ? internalV6(g) : true;
  }
  return true;
}

/** An IP literal (v4 or v6, brackets allowed), as opposed to a name that must be resolved. */
export function isIpLiteral(host: string): boolean {
  return isIP(host.replace(/^\[|\]$/g, "").split("%")[0]!) !== 0;
}
