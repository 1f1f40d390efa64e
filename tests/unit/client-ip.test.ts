// The address the sign-in throttle counts: a client cannot choose it by sending its own
// X-Forwarded-For, whatever TRUST_PROXY says; the server's own hop is the socket peer.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientIp } from "@/server/auth/client-ip";
import { stampPeerAddress } from "@/server/auth/peer-address";
import { parseEnv } from "@/server/env";

const spoof = () => Array.from({ length: 1 + Math.floor(Math.random() * 4) }, () => `${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.0.${Math.floor(Math.random() * 256)}`).join(", ");

describe("clientIp", () => {
  it("with no proxy (0) counts the socket peer, the hop the server appends, whatever a client prefixes", () => {
    for (let i = 0; i < 20; i++) expect(clientIp(new Headers({ "x-forwarded-for": `${spoof()}, 127.0.0.9` }), 0)).toBe("127.0.0.9");
  });

  it("with N trusted proxies counts the address the outermost one saw", () => {
    // client-sent junk, then what proxy 1 saw (the client), then what the server saw (proxy 1).
    for (let i = 0; i < 20; i++) expect(clientIp({ "x-forwarded-for": `${spoof()}, 203.0.113.5, 10.0.0.2` }, 1)).toBe("203.0.113.5");
    expect(clientIp({ "x-forwarded-for": "198.51.100.7, 10.0.0.3, 10.0.0.2" }, 2)).toBe("198.51.100.7");
  });

  it("on Vercel reads Vercel's own header, never X-Forwarded-For", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": spoof(), "x-vercel-forwarded-for": "192.0.2.44" }), "vercel")).toBe("192.0.2.44");
    expect(clientIp(new Headers({ "x-forwarded-for": spoof(), "x-real-ip": "192.0.2.45" }), "vercel")).toBe("192.0.2.45");
  });

  it("TRUST_PROXY accepts a hop count or vercel, and refuses anything else", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: "vercel" }).TRUST_PROXY).toBe("vercel");
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
    expect(() => parseEnv({ TRUST_PROXY: "-1" })).toThrow(/TRUST_PROXY/);
  });
});

describe("stampPeerAddress", () => {
  it("appends the real socket address to X-Forwarded-For on a real HTTP server, so a spoofed header does not change the counted IP", async () => {
    stampPeerAddress();
    stampPeerAddress(); // installing twice must not append twice
    const server = http.createServer((req, res) => res.end(clientIp(req.headers, 0)));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    try {
      const seen = new Set<string>();
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": spoof() } });
        seen.add(await res.text());
      }
      seen.add(await (await fetch(`http://127.0.0.1:${port}/`)).text());
      expect([...seen]).toEqual(["127.0.0.1"]);
    } finally {
      server.close();
    }
  });
});
