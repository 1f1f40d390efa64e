import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastActivity, fastUser } from "@/server/senar/fast-parse";
import { parseRecord, senarActivitySchema, senarUserSchema } from "@/server/senar/schemas";

// The documented sample activity (SENAR-API.md), as Senar sends it.
const sampleActivity = {
  id: 80119,
  collectionId: 41,
  userId: "b68bfbd8-8f26-427b-a3c9-2d4cec36648b",
  traineeId: "b5e3bbbc-0c22-417a-8087-6554afe26400",
  firstName: "Natalia",
  lastName: "Brown",
  company: "Daria",
  trainingDate: "2021-03-09T17:37:11.186836",
  scenarioId: "S01",
  scenarioName: "Scenario 1",
  totalPoints: 2900,
  totalSec: 622,
  totalTries: 1,
  simulatorId: 18,
  tilts: 0,
  totalMaxPoints: 3400,
  abandons: 1,
  collectionTitle: "Rigging",
  simulatorTitle: "Lifting Hardware and Sling Inspection",
  userFirstName: "Jon",
  userLastName: "Doe",
  userEmail: "jon.doe@my.mail",
  userCostCenter: "East",
  userAccountName: "ACME",
  traineeEmail: "",
  traineeProfile: "Guest",
};

const sampleUser = {
  id: "765fc7cf-312b-469d-8508-0e943a6447c7",
  firstName: "Jon",
  lastName: "Doe",
  email: "jon.doe@my.mail",
  language: "en",
  accountName: "ACME",
  countryName: "USA",
  creationDate: "2022-09-07T06:25:23.9014976",
  profile: "Instructor",
};

function activity(raw: unknown) {
  const r = parseRecord("activity", raw);
  if (!r.ok) throw new Error(`refused: ${r.refused.reason}`);
  return r.value;
}

describe("activity schema", () => {
  it("reads the documented sample, the empty trainee email as null, the date as UTC", () => {
    const { record, raw } = activity(sampleActivity);
    expect(record.id).toBe(80119);
    expect(record.totalPoints).toBe(2900);
    expect(record.traineeEmail).toBeNull();
    expect(record.trainingDate?.toISOString()).toBe("2021-03-09T17:37:11.186Z");
    // The suite also runs under TZ=Asia/Tokyo: the instant must not move with the process zone.
    expect(record.trainingDate?.getTime()).toBe(Date.UTC(2021, 2, 9, 17, 37, 11, 186));
    expect(raw).toBe(sampleActivity);
  });

  it("accepts numbers sent as strings, nulls, blanks and missing fields", () => {
    const { record } = activity({
      ...sampleActivity,
      id: "80120",
      totalPoints: "2900",
      totalSec: " 622 ",
      collectionId: "41.0",
      tilts: null,
      abandons: "",
      company: "   ",
      scenarioName: 7,
      simulatorTitle: undefined,
    });
    expect(record.id).toBe(80120);
    expect(record.totalPoints).toBe(2900);
    expect(record.totalSec).toBe(622);
    expect(record.collectionId).toBe(41);
    expect(record.tilts).toBeNull();
    expect(record.abandons).toBeNull();
    expect(record.company).toBeNull();
    expect(record.scenarioName).toBe("7");
    expect(record.simulatorTitle).toBeNull();
    const bare = activity({ id: 5 }).record;
    expect(bare.trainingDate).toBeNull();
    expect(bare.userEmail).toBeNull();
  });

  it("keeps extra fields in the raw record only", () => {
    const raw = { ...sampleActivity, headset: "Quest 3" };
    const { record, raw: kept } = activity(raw);
    expect(record).not.toHaveProperty("headset");
    expect(kept.headset).toBe("Quest 3");
  });

  it("refuses a record without a usable id, saying why", () => {
    for (const bad of [{ ...sampleActivity, id: undefined }, { ...sampleActivity, id: null }, { ...sampleActivity, id: "abc" }, { ...sampleActivity, id: -1 }]) {
      const r = parseRecord("activity", bad);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.refused.reason).toMatch(/^id: /);
        expect(r.refused.raw).toBe(bad);
      }
    }
  });

  it("refuses non-objects and unreadable values rather than guessing", () => {
    for (const bad of [null, 42, "x", [sampleActivity]]) {
      const r = parseRecord("activity", bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.refused.reason).toBe("not a JSON object");
    }
    const notANumber = parseRecord("activity", { ...sampleActivity, totalPoints: "lots" });
    expect(notANumber.ok).toBe(false);
    if (!notANumber.ok) expect(notANumber.refused.reason).toMatch(/^totalPoints: /);
    const badDate = parseRecord("activity", { ...sampleActivity, trainingDate: "2021-02-30T10:00:00" });
    expect(badDate.ok).toBe(false);
    if (!badDate.ok) expect(badDate.refused.reason).toMatch(/^trainingDate: not a timestamp/);
  });
});

describe("user schema", () => {
  it("reads the documented sample with its 7-digit fraction as UTC", () => {
    const r = parseRecord("user", sampleUser);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.record.creationDate?.toISOString()).toBe("2022-09-07T06:25:23.901Z");
    expect(r.value.record.profile).toBe("Instructor");
  });

  it("accepts a numeric id, blanks and nulls; refuses a blank id", () => {
    const r = parseRecord("user", { id: 12, email: "", language: null, creationDate: "" });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.record.id).toBe("12");
      expect(r.value.record.email).toBeNull();
      expect(r.value.record.language).toBeNull();
      expect(r.value.record.creationDate).toBeNull();
    }
    for (const bad of [{ ...sampleUser, id: "  " }, { ...sampleUser, id: undefined }]) {
      const x = parseRecord("user", bad);
      expect(x.ok).toBe(false);
      if (!x.ok) expect(x.refused.reason).toMatch(/^id: /);
    }
  });
});

describe("the fast path agrees with the zod schema", () => {
  // Values Senar might send for any field: clean, blank, null, numeric strings, junk.
  const anyValue = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.constantFrom("", "  ", "12", " 7 ", "1.0", "1.5", "-3", "abc", "12,5 pts", "99999999999", "2021-03-09T17:37:11.186836", "2021-02-30T10:00:00", "31/02/2023 25:61"),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -3_000_000_000, max: 3_000_000_000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
  );
  const withNoise = (base: Record<string, unknown>) =>
    fc.record(Object.fromEntries(Object.keys(base).map((k) => [k, fc.oneof({ weight: 3, arbitrary: fc.constant(base[k]) }, { weight: 1, arbitrary: anyValue })]))).map(
      (r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)),
    );

  it("lists exactly the schema's fields, and takes clean records itself", () => {
    const a = fastActivity(sampleActivity);
    const u = fastUser(sampleUser);
    expect(a).toBeDefined();
    expect(u).toBeDefined();
    expect(Object.keys(a ?? {}).sort()).toEqual(Object.keys(senarActivitySchema.shape).sort());
    expect(Object.keys(u ?? {}).sort()).toEqual(Object.keys(senarUserSchema.shape).sort());
  });

  it("produces what zod produces whenever it answers (activities)", () => {
    fc.assert(
      fc.property(withNoise(sampleActivity), (raw) => {
        const fast = fastActivity(raw);
        const slow = senarActivitySchema.safeParse(raw);
        if (fast !== undefined) {
          expect(slow.success).toBe(true);
          expect(fast).toEqual(slow.data);
        }
        // And parseRecord, whichever path it took, agrees with zod on accept/refuse.
        expect(parseRecord("activity", raw).ok).toBe(slow.success);
      }),
      { numRuns: 500 },
    );
  });

  it("produces what zod produces whenever it answers (users)", () => {
    fc.assert(
      fc.property(withNoise(sampleUser), (raw) => {
        const fast = fastUser(raw);
        const slow = senarUserSchema.safeParse(raw);
        if (fast !== undefined) {
          expect(slow.success).toBe(true);
          expect(fast).toEqual(slow.data);
        }
        expect(parseRecord("user", raw).ok).toBe(slow.success);
      }),
      { numRuns: 500 },
    );
  });
});
