import { describe, expect, it } from "vitest";
import { formatSenarTimestamp, parseSenarTimestamp } from "@/lib/senar-time";

describe("parseSenarTimestamp", () => {
  it("reads a zone-less timestamp with 7 fractional digits as UTC", () => {
    expect(parseSenarTimestamp("2022-09-07T06:25:23.9014976")?.toISOString()).toBe("2022-09-07T06:25:23.901Z");
  });
  it("does not depend on the process time zone", () => {
    // The suite also runs under TZ=Asia/Tokyo (see package.json test:unit:tz); the result must not move.
    const d = parseSenarTimestamp("2021-03-09T17:37:11.186836");
    expect(d?.getTime()).toBe(Date.UTC(2021, 2, 9, 17, 37, 11, 186));
  });
  it("accepts no fraction, and honours an explicit offset", () => {
    expect(parseSenarTimestamp("2021-03-09T17:37:11")?.toISOString()).toBe("2021-03-09T17:37:11.000Z");
    expect(parseSenarTimestamp("2021-03-09T17:37:11+02:00")?.toISOString()).toBe("2021-03-09T15:37:11.000Z");
    expect(parseSenarTimestamp("2021-03-09T17:37:11Z")?.toISOString()).toBe("2021-03-09T17:37:11.000Z");
  });
  it("refuses impossible dates and garbage", () => {
    for (const bad of ["2023-02-30T00:00:00", "2023-01-01T25:00:00", "yesterday", "", "2023-01-01"]) {
      expect(parseSenarTimestamp(bad)).toBeNull();
    }
  });
  it("round-trips through Senar's own format", () => {
    const d = new Date(Date.UTC(2024, 0, 31, 23, 59, 59, 123));
    expect(formatSenarTimestamp(d)).toBe("2024-01-31T23:59:59.1230000");
    expect(parseSenarTimestamp(formatSenarTimestamp(d))?.getTime()).toBe(d.getTime());
  });
});
