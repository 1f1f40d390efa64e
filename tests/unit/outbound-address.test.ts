// The outgoing guard's address rules (issue 12, finding 1): which URLs and IPs are refused before
// any connection, for Senar (allow list only) and for other purposes (public, or listed).
import { describe, expect, it } from "vitest";
import { isInternalAddress } from "@/server/net/address";
import { checkOutboundUrl, OutboundError, type OutboundPolicy, parseHostList } from "@/server/net/outbound";
import { senarUrl } from "@/server/workspaces/validation";

const senar: OutboundPolicy = { purpose: "senar", allowedHosts: ["studio.senar.io"], listedOnly: true };
const webhook: OutboundPolicy = { purpose: "webhook", allowedHosts: [], listedOnly: false };

function refusal(url: string, policy: OutboundPolicy): string {
  try {
    checkOutboundUrl(url, policy);
    return "allowed";
  } catch (e) {
    if (e instanceof OutboundError) return e.reason;
    throw e;
  }
}

describe("isInternalAddress", () => {
  it.each([
    "127.0.0.1", "127.255.255.254", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "169.254.0.1",
    "100.64.0.1", "100.100.100.200", "0.0.0.0", "0.1.2.3", "255.255.255.255", "224.0.0.1", "192.0.0.192", "198.18.0.1",
    "::", "::1", "[::1]", "fc00::1", "fd00:ec2::254", "fe80::1", "fe80::1%eth0", "febf::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:a9fe:a9fe", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::", "2001:db8::1",
    "not-an-ip",
  ])("%s is internal", (ip) => {
    expect(isInternalAddress(ip)).toBe(true);
  });

  it.each(["1.1.1.1", "8.8.8.8", "172.32.0.1", "100.128.0.1", "169.253.255.255", "192.169.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::"])(
    "%s is public",
    (ip) => {
      expect(isInternalAddress(ip)).toBe(false);
    },
  );
});

describe("checkOutboundUrl", () => {
  it("Senar: only the listed host, compared case-insensitively and without a trailing dot", () => {
    expect(refusal("https://studio.senar.io/", senar)).toBe("allowed");
    expect(refusal("https://STUDIO.Senar.IO./x", senar)).toBe("allowed");
    expect(refusal("https://studio.senar.io.evil.example/", senar)).toBe("host_not_allowed");
    expect(refusal("https://evil.example/", senar)).toBe("host_not_allowed");
    expect(refusal("http://localhost:3000/", senar)).toBe("host_not_allowed");
    expect(refusal("http://169.254.169.254/latest/meta-data#", senar)).toBe("host_not_allowed");
  });

  it("the odd spellings of 127.0.0.1 are normalised by WHATWG URL and refused", () => {
    for (const odd of ["http://0x7f000001/", "http://2130706433/", "http://017700000001/", "http://127.1/", "http://0177.0.0.1/", "http://0x7f.1/"]) {
      expect(new URL(odd).hostname).toBe("127.0.0.1");
      expect(refusal(odd, senar)).toBe("host_not_allowed");
      expect(refusal(odd, webhook)).toBe("internal_address");
    }
  });

  it("other purposes: internal IP literals refused, IPv6 and mapped forms included; public ones pass", () => {
    for (const url of [
      "http://[::1]/",
      "http://[::]/",
      "http://0.0.0.0/",
      "http://[::ffff:127.0.0.1]/",
      "http://[::ffff:169.254.169.254]/",
      "http://169.254.169.254/latest/meta-data#",
      "http://[fd00:ec2::254]/",
      "http://[fe80::1]/",
      "http://100.64.0.1/",
      "http://10.0.0.1:8080/",
      "http://192.168.0.10/",
      "http://172.20.0.1/",
    ]) {
      expect(refusal(url, webhook), url).toBe("internal_address");
    }
    expect(refusal("https://93.184.215.14/hook", webhook)).toBe("allowed");
    expect(refusal("https://hooks.example.com/x", webhook)).toBe("allowed"); // a name: checked when connecting
  });

  it("a host listed by name or address is allowed even when internal", () => {
    const listed: OutboundPolicy = { purpose: "webhook", allowedHosts: parseHostList(" 127.0.0.1 , [::1], LRS.internal "), listedOnly: false };
    expect(listed.allowedHosts).toEqual(["127.0.0.1", "::1", "lrs.internal"]);
    expect(refusal("http://127.0.0.1:4010/", listed)).toBe("allowed");
    expect(refusal("http://0x7f000001:4010/", listed)).toBe("allowed");
    expect(refusal("http://[::1]:4010/", listed)).toBe("allowed");
    expect(refusal("http://127.0.0.2/", listed)).toBe("internal_address");
  });

  it("only http(s), and no credentials in the URL", () => {
    expect(refusal("ftp://studio.senar.io/", senar)).toBe("bad_url");
    expect(refusal("file:///etc/passwd", webhook)).toBe("bad_url");
    expect(refusal("https://user:pw@studio.senar.io/", senar)).toBe("bad_url");
    expect(refusal("https://user@hooks.example.com/", webhook)).toBe("bad_url");
    expect(refusal("not a url", webhook)).toBe("bad_url");
  });
});

describe("senarUrl (saving the address)", () => {
  // The unit project lists studio.senar.io and 127.0.0.1 (vitest.config.ts), as the tests need.
  it("refuses a host that is not allowed, with a message naming the allowed hosts", () => {
    for (const url of ["http://localhost:3000", "http://[::1]:80", "http://0x7f000002", "http://169.254.169.254/latest#", "https://evil.example"]) {
      const r = senarUrl.safeParse(url);
      expect(r.success, url).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/allowed Senar host \(studio\.senar\.io, 127\.0\.0\.1\)/);
    }
    expect(senarUrl.safeParse("https://u:p@studio.senar.io").error?.issues[0]?.message).toMatch(/username or password/);
  });

  it("accepts an allowed host", () => {
    expect(senarUrl.parse("https://studio.senar.io/")).toBe("https://studio.senar.io");
    expect(senarUrl.parse("http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010");
  });
});
