// One account's synthetic Senar data, deterministic from its seed. Users and trainees are small
// arrays; activities are generated on the fly, in id order and date order, so a million of them
// cost no more memory than ten (state is per trainee and per trainee x scenario, never per record).
import {
  ACCOUNT_NAMES, CATALOG, CONTRACTORS, COST_CENTERS, COUNTRIES, FIRST_NAMES, HARD_SCENARIOS, LAST_NAMES,
  RUNNER_WEIGHT, TRAINEE_PROFILES, USER_PROFILES,
} from "./catalog";
import { hash32, intIn, normal, pick, pickWeighted, type Rng, rngFrom, shuffled, uuid } from "./rng";

export type SimScenario = { id: string; name: string; maxPoints: number };
export type SimSimulator = { id: number; title: string; scenarios: SimScenario[] };
export type SimCollection = { id: number; title: string; simulators: SimSimulator[] };

/** A record of GET /integration/data/users (field names and order as Senar's sample user). */
export type SimUser = {
  id: string; firstName: string; lastName: string; email: string; language: string; accountName: string;
  countryName: string; creationDate: string; profile: string;
  /** Extra field: collections assigned through user_assign (absent on users who never got one). */
  collections?: number[];
};

/** A record of GET /integration/data/activities (field names and order as Senar's sample activity). */
export type SimActivity = {
  id: number; collectionId: number; userId: string; traineeId: string; firstName: string; lastName: string;
  company: string; trainingDate: string; scenarioId: string; scenarioName: string; totalPoints: number;
  totalSec: number; totalTries: number; simulatorId: number; tilts: number; totalMaxPoints: number;
  abandons: number; collectionTitle: string; simulatorTitle: string; userFirstName: string; userLastName: string;
  userEmail: string; userCostCenter: string; userAccountName: string; traineeEmail: string; traineeProfile: string;
};

export type DatasetAccount = { seed: number; accountName?: string; username?: string };
export type DatasetOptions = { users?: number; trainees?: number; activities?: number; anchor?: Date };

export type Dataset = {
  seed: number;
  accountName: string;
  /** Where the users' e-mail addresses live, e.g. "acme.com". */
  domain: string;
  countryName: string;
  collections: SimCollection[];
  anchor: Date;
  userCount: number;
  traineeCount: number;
  activityCount: number;
  firstActivityId: number;
  /** The id the first live activity gets (one past the last generated one). */
  nextActivityId: number;
  users(): Generator<SimUser>;
  activities(): Generator<SimActivity>;
  /** The same stream as JSON texts (identical to JSON.stringify of each record, only faster). */
  activitiesJson(): Generator<string>;
  ownsCollection(id: number): boolean;
  /** A new activity happening at `at` (live mode): same model, random trainee and scenario. */
  liveActivity(id: number, at: Date, rng: Rng): SimActivity;
  /** A new Senar user registering at `at` (live mode). */
  liveUser(at: Date, rng: Rng): SimUser;
};

export const DAY_MS = 86_400_000;
const SPAN_DAYS = 730;
const WORK_START_MS = 6.5 * 3_600_000; // sessions run 06:30-17:00 UTC
const WORK_LEN_MS = 10.5 * 3_600_000;
/** The pass mark the score model is tuned around (the portal's default). */
export const PASS_MARK = 0.8;

/** Today 00:00 UTC: the default anchor (the newest training day ends there). */
export function defaultAnchor(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * Senar's timestamp style: UTC wall time, no zone, 7 fractional digits, trailing zeros dropped
 * the way .NET does (the documented samples show both "…23.9014976" and "…11.186836").
 */
export function senarTimestamp(ms: number, subMs: number): string {
  // Hand-rolled (not toISOString + regex): this runs once per record, a million times a response.
  const t = Math.floor(ms);
  const day = Math.floor(t / DAY_MS);
  if (day !== tsDay) {
    tsDay = day;
    tsPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11); // "2022-09-07T"
  }
  let r = t - day * DAY_MS;
  const h = Math.floor(r / 3_600_000);
  r -= h * 3_600_000;
  const mi = Math.floor(r / 60_000);
  r -= mi * 60_000;
  const sec = Math.floor(r / 1000);
  const hms = `${tsPrefix}${PAD2[h]}:${PAD2[mi]}:${PAD2[sec]}`;
  let frac = (r - sec * 1000) * 10_000 + (Math.floor(subMs) % 10_000);
  if (frac === 0) return hms;
  let digits = 7;
  while (frac % 10 === 0) {
    frac /= 10;
    digits--;
  }
  return `${hms}.${String(frac).padStart(digits, "0")}`;
}
let tsDay = NaN;
let tsPrefix = "";
const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));

const slug = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "");
const emailPart = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "");

type ScenarioMeta = {
  collection: SimCollection; simulator: SimSimulator; scenario: SimScenario;
  difficulty: number; nominalSec: number; json: Fragments;
};
type UserMeta = { record: SimUser; costCenter: string; createdMs: number; runWeight: number; json: Fragments };
type Trainee = {
  id: string; firstName: string; lastName: string; company: string; email: string; profile: string;
  skill: number; joinMs: number; primary: number; json: Fragments;
};
/** Pre-serialised runs of an activity's JSON that only depend on one entity (see activitiesJson). */
type Fragments = { a: string; b: string };
/** `"k1":v1,"k2":v2` exactly as JSON.stringify writes them. */
const fragment = (o: Record<string, string | number>) => JSON.stringify(o).slice(1, -1);

function buildCollections(seed: number): { collections: SimCollection[]; metas: ScenarioMeta[][] } {
  const rng = rngFrom(seed, "collections");
  const count = Math.min(CATALOG.length, intIn(rng, 5, 8));
  const chosen = shuffled(rng, CATALOG).slice(0, count);
  // Collection ids are the account's own (…/Collections/Edit/41): a block derived from the seed.
  const base = 11 + (hash32(seed, "collection-ids") % 250) * 12;
  const collections: SimCollection[] = [];
  const metas: ScenarioMeta[][] = [];
  chosen.forEach((c, k) => {
    const collection: SimCollection = { id: base + CATALOG.indexOf(c), title: c.title, simulators: [] };
    const flat: ScenarioMeta[] = [];
    for (const s of c.simulators) {
      const simulator: SimSimulator = { id: s.id, title: s.title, scenarios: [] };
      s.scenarios.forEach((name, pos) => {
        // Scenario properties belong to the product, not the account: seeded by the catalogue only.
        const prng = rngFrom("catalogue", s.id, pos);
        const scenario: SimScenario = { id: `S${String(pos + 1).padStart(2, "0")}`, name, maxPoints: intIn(prng, 10, 50) * 100 };
        const difficulty = Math.min(0.95, 0.08 + 0.06 * pos + prng() * 0.3 + (HARD_SCENARIOS.has(name) ? 0.38 : 0));
        simulator.scenarios.push(scenario);
        flat.push({
          collection, simulator, scenario, difficulty, nominalSec: Math.round(intIn(prng, 150, 900) * (1 + 0.4 * difficulty)),
          json: { a: fragment({ scenarioId: scenario.id, scenarioName: name }), b: fragment({ collectionTitle: c.title, simulatorTitle: s.title }) },
        });
      });
      collection.simulators.push(simulator);
    }
    collections.push(collection);
    metas[k] = flat;
  });
  return { collections, metas };
}

function buildUsers(seed: number, count: number, accountName: string, domain: string, home: (typeof COUNTRIES)[number], startMs: number, anchorMs: number): UserMeta[] {
  const rng = rngFrom(seed, "users");
  const centers = shuffled(rng, COST_CENTERS).slice(0, intIn(rng, 3, 6));
  const seen = new Set<string>();
  const users: UserMeta[] = [];
  const from = startMs - 200 * DAY_MS;
  const spread = anchorMs - 20 * DAY_MS - from;
  for (let j = 0; j < count; j++) {
    const id = uuid(rng);
    // The first two are the account's administrator and its first instructor, there from the start.
    const profile = j === 0 ? "Administrator" : j === 1 ? "Instructor" : pickWeighted(rng, USER_PROFILES);
    const country = rng() < 0.75 ? home : pick(rng, COUNTRIES);
    const firstName = pick(rng, FIRST_NAMES);
    const lastName = pick(rng, LAST_NAMES);
    let email = `${emailPart(firstName)}.${emailPart(lastName)}@${domain}`;
    for (let n = 2; seen.has(email); n++) email = `${emailPart(firstName)}.${emailPart(lastName)}${n}@${domain}`;
    seen.add(email);
    const costCenter = pick(rng, centers);
    const createdMs = Math.floor(from + Math.pow(j / Math.max(1, count), 1.4) * spread + rng() * DAY_MS);
    users.push({
      record: {
        id, firstName, lastName, email, language: pick(rng, country.languages), accountName,
        countryName: country.name, creationDate: senarTimestamp(createdMs, intIn(rng, 0, 9999)), profile,
      },
      costCenter,
      createdMs,
      runWeight: RUNNER_WEIGHT[profile] ?? 0,
      json: {
        a: JSON.stringify(id),
        b: fragment({ userFirstName: firstName, userLastName: lastName, userEmail: email, userCostCenter: costCenter, userAccountName: accountName }),
      },
    });
  }
  users.sort((a, b) => a.createdMs - b.createdMs);
  return users;
}

function buildTrainees(seed: number, count: number, accountName: string, domain: string, collections: number, startMs: number, anchorMs: number): Trainee[] {
  const rng = rngFrom(seed, "trainees");
  const contractors = shuffled(rng, CONTRACTORS).slice(0, intIn(rng, 4, 9));
  const seen = new Set<string>();
  const out: Trainee[] = [];
  const early = Math.ceil(count * 0.1); // a first cohort is there when the account starts
  for (let j = 0; j < count; j++) {
    const id = uuid(rng);
    const profile = pickWeighted(rng, TRAINEE_PROFILES);
    const firstName = pick(rng, FIRST_NAMES);
    const lastName = pick(rng, LAST_NAMES);
    const company =
      profile === "Employee" || profile === "Apprentice" ? accountName
      : profile === "Contractor" ? pick(rng, contractors)
      : rng() < 0.3 ? "" : pick(rng, [...contractors, "Visitor", "Client Visit"]);
    const emailOdds = { Employee: 0.85, Apprentice: 0.7, Contractor: 0.55, Guest: 0.1 }[profile] ?? 0.5;
    let email = "";
    if (rng() < emailOdds) {
      const d = company === accountName || company === "" ? domain : `${slug(company)}.com`;
      email = `${emailPart(firstName)}.${emailPart(lastName)}@${d}`;
      for (let n = 2; seen.has(email); n++) email = `${emailPart(firstName)}.${emailPart(lastName)}${n}@${d}`;
      seen.add(email);
    }
    const joinMs = j < early
      ? startMs - Math.floor(rng() * 30 * DAY_MS)
      : startMs + ((j - early) / Math.max(1, count - early)) * (anchorMs - startMs - 5 * DAY_MS) + Math.floor(rng() * DAY_MS);
    out.push({
      id, firstName, lastName, company, email, profile,
      skill: normal(rng) * 0.05,
      joinMs,
      primary: Math.floor(collections * Math.pow(rng(), 1.6)), // some collections are far busier
      json: { a: fragment({ traineeId: id, firstName, lastName, company }), b: fragment({ traineeEmail: email, traineeProfile: profile }) },
    });
  }
  return out;
}

/** Index of the first activity of each day (length days + 1): busier weekdays, growth, holidays. */
function dayStarts(seed: number, startMs: number, n: number): Int32Array {
  const rng = rngFrom(seed, "days");
  const weights = new Float64Array(SPAN_DAYS);
  let total = 0;
  for (let d = 0; d < SPAN_DAYS; d++) {
    const date = new Date(startMs + d * DAY_MS);
    const wd = date.getUTCDay();
    const month = date.getUTCMonth();
    const dom = date.getUTCDate();
    let w = wd === 0 ? 0.04 : wd === 6 ? 0.12 : 1;
    w *= 0.55 + (0.9 * d) / SPAN_DAYS; // adoption grows over the two years
    if (month === 7) w *= 0.65; // August
    if ((month === 11 && dom >= 20) || (month === 0 && dom <= 2)) w *= 0.25;
    w *= Math.exp(normal(rng) * 0.25);
    weights[d] = w;
    total += w;
  }
  const starts = new Int32Array(SPAN_DAYS + 1);
  let cum = 0;
  for (let d = 0; d < SPAN_DAYS; d++) {
    starts[d] = Math.round((cum / total) * n);
    cum += weights[d] ?? 0;
  }
  starts[SPAN_DAYS] = n;
  return starts;
}

export function datasetFor(account: DatasetAccount, opts: DatasetOptions = {}): Dataset {
  const seed = account.seed;
  const anchor = opts.anchor ?? defaultAnchor();
  const anchorMs = anchor.getTime();
  const startMs = anchorMs - SPAN_DAYS * DAY_MS;
  const accountName = account.accountName ?? ACCOUNT_NAMES[hash32(seed, "account-name") % ACCOUNT_NAMES.length] ?? "ACME";
  const domain = `${slug(accountName) || "account"}.com`;
  const home = COUNTRIES[hash32(seed, "home") % COUNTRIES.length] ?? { name: "USA", languages: ["en"] };
  const userCount = Math.max(1, opts.users ?? 150);
  const traineeCount = Math.max(1, opts.trainees ?? 1200);
  const activityCount = Math.max(0, opts.activities ?? 50_000);
  const firstActivityId = 10_001 + (hash32(seed, "activity-ids") % 90) * 10_000;

  const { collections, metas } = buildCollections(seed);
  const users = buildUsers(seed, userCount, accountName, domain, home, startMs, anchorMs);
  const trainees = buildTrainees(seed, traineeCount, accountName, domain, collections.length, startMs, anchorMs);
  // Who runs sessions: instructors mostly, in creation order (nobody trains before they exist).
  const runners = users.filter((u) => u.runWeight > 0);
  if (runners.length === 0) runners.push(users[0] as UserMeta);
  const allScenarios = metas.flat();
  const scenarioIndex = new Map(allScenarios.map((m, i) => [m, i] as const));

  const pickRunner = (rng: Rng, eligible: number): UserMeta => {
    for (let tries = 0; tries < 8; tries++) {
      const r = runners[Math.floor(rng() * eligible)] as UserMeta;
      if (rng() < r.runWeight) return r;
    }
    return runners[Math.floor(rng() * eligible)] as UserMeta;
  };

  /** The score model: difficulty, the trainee's skill and a learning curve over attempts. */
  const compose = (id: number, ms: number, rng: Rng, t: Trainee, m: ScenarioMeta, runner: UserMeta, attempt: number): SimActivity => {
    const learned = 1 - Math.pow(0.55, attempt - 1);
    let pct = 0.985 - 0.4 * m.difficulty + t.skill + 0.15 * learned + normal(rng) * 0.065;
    const totalTries = rng() < 0.1 + 0.25 * m.difficulty ? (rng() < 0.3 ? 3 : 2) : 1;
    const tilts = rng() < 0.04 + 0.12 * m.difficulty ? 1 + Math.floor(rng() * rng() * 4) : 0;
    const abandons = rng() < 0.02 + 0.05 * m.difficulty ? 1 : 0;
    pct -= tilts * 0.04;
    let sec = m.nominalSec * (1.35 - 0.4 * learned) * Math.exp(normal(rng) * 0.2) * (1 + 0.35 * (totalTries - 1));
    if (abandons) {
      pct *= 0.3 + rng() * 0.5;
      sec *= 0.3 + rng() * 0.4;
    }
    pct = Math.min(1, Math.max(0, pct));
    const max = m.scenario.maxPoints;
    return {
      id,
      collectionId: m.collection.id,
      userId: runner.record.id,
      traineeId: t.id,
      firstName: t.firstName,
      lastName: t.lastName,
      company: t.company,
      trainingDate: senarTimestamp(ms, Math.floor(rng() * 10_000)),
      scenarioId: m.scenario.id,
      scenarioName: m.scenario.name,
      totalPoints: Math.min(max, Math.round((pct * max) / 10) * 10),
      totalSec: Math.max(20, Math.round(sec)),
      totalTries,
      simulatorId: m.simulator.id,
      tilts,
      totalMaxPoints: max,
      abandons,
      collectionTitle: m.collection.title,
      simulatorTitle: m.simulator.title,
      userFirstName: runner.record.firstName,
      userLastName: runner.record.lastName,
      userEmail: runner.record.email,
      userCostCenter: runner.costCenter,
      userAccountName: accountName,
      traineeEmail: t.email,
      traineeProfile: t.profile,
    };
  };

  /** JSON.stringify(r) byte for byte, from pre-serialised fragments: about twice as fast. */
  const toJson = (r: SimActivity, t: Trainee, m: ScenarioMeta, u: UserMeta): string =>
    `{"id":${r.id},"collectionId":${r.collectionId},"userId":${u.json.a},${t.json.a},"trainingDate":"${r.trainingDate}",${m.json.a},` +
    `"totalPoints":${r.totalPoints},"totalSec":${r.totalSec},"totalTries":${r.totalTries},"simulatorId":${r.simulatorId},` +
    `"tilts":${r.tilts},"totalMaxPoints":${r.totalMaxPoints},"abandons":${r.abandons},${m.json.b},${u.json.b},${t.json.b}}`;

  /** The one activity stream; `emit` decides what is yielded (the record, or its JSON). */
  function* generate<T>(emit: (r: SimActivity, t: Trainee, m: ScenarioMeta, u: UserMeta) => T): Generator<T> {
    const rng = rngFrom(seed, "activities");
    const starts = dayStarts(seed, startMs, activityCount);
    const S = allScenarios.length;
    const T = trainees.length;
    const attempts = new Uint16Array(T * S);
    const current = new Int16Array(T).fill(-1); // collection the trainee is working through
    const position = new Uint16Array(T); // scenario reached in that collection
    const home = new Int32Array(T).fill(-1); // the instructor who usually runs the trainee's sessions
    let eligibleTrainees = 0;
    let eligibleRunners = 0;
    let day = 0;
    for (let i = 0; i < activityCount; i++) {
      while ((starts[day + 1] ?? activityCount) <= i) day++;
      const dayFirst = starts[day] ?? 0;
      const inDay = Math.max(1, (starts[day + 1] ?? activityCount) - dayFirst);
      // (k + u) / inDay grows with k, so dates never go backwards as ids go up.
      const ms = Math.floor(startMs + day * DAY_MS + WORK_START_MS + ((i - dayFirst + rng()) / inDay) * WORK_LEN_MS);
      while (eligibleTrainees < T && (trainees[eligibleTrainees] as Trainee).joinMs <= ms) eligibleTrainees++;
      while (eligibleRunners < runners.length && (runners[eligibleRunners] as UserMeta).createdMs <= ms) eligibleRunners++;
      const et = Math.max(1, eligibleTrainees);
      // Recent joiners train most (onboarding bursts); older ones come back for refreshers.
      const ti = Math.max(0, et - 1 - Math.floor(et * Math.pow(rng(), 2.2)));
      const t = trainees[ti] as Trainee;
      if ((current[ti] ?? -1) < 0) current[ti] = t.primary;
      const list = metas[current[ti] ?? 0] as ScenarioMeta[];
      const m = list[Math.min(position[ti] ?? 0, list.length - 1)] as ScenarioMeta;
      const slot = ti * S + (scenarioIndex.get(m) ?? 0);
      const attempt = Math.min(65_535, (attempts[slot] ?? 0) + 1);
      attempts[slot] = attempt;
      const er = Math.max(1, eligibleRunners);
      if ((home[ti] ?? -1) < 0) home[ti] = runners.indexOf(pickRunner(rng, er));
      const runner = rng() < 0.75 ? (runners[home[ti] ?? 0] as UserMeta) : pickRunner(rng, er);
      const rec = compose(firstActivityId + i, ms, rng, t, m, runner, attempt);
      // Move on after a pass (usually) or out of frustration (sometimes): repeats make learning curves.
      const passed = rec.totalPoints >= PASS_MARK * rec.totalMaxPoints;
      if (rng() < (passed ? 0.75 : 0.22)) {
        const next = (position[ti] ?? 0) + 1;
        if (next >= list.length) {
          position[ti] = 0;
          current[ti] = Math.floor(rng() * metas.length);
        } else position[ti] = next;
      }
      yield emit(rec, t, m, runner);
    }
  }

  return {
    seed, accountName, domain, countryName: home.name, collections, anchor, userCount, traineeCount, activityCount,
    firstActivityId,
    nextActivityId: firstActivityId + activityCount,
    *users() {
      for (const u of users) yield u.record;
    },
    activities: () => generate((r) => r),
    activitiesJson: () => generate(toJson),
    ownsCollection: (id) => collections.some((c) => c.id === id),
    liveActivity(id, at, rng) {
      const t = trainees[Math.max(0, trainees.length - 1 - Math.floor(trainees.length * Math.pow(rng(), 2)))] as Trainee;
      const list = metas[rng() < 0.8 ? t.primary : Math.floor(rng() * metas.length)] as ScenarioMeta[];
      const m = pick(rng, list);
      return compose(id, at.getTime(), rng, t, m, pickRunner(rng, runners.length), 1 + Math.floor(rng() * rng() * 5));
    },
    liveUser(at, rng) {
      const firstName = pick(rng, FIRST_NAMES);
      const lastName = pick(rng, LAST_NAMES);
      return {
        id: uuid(rng), firstName, lastName,
        email: `${emailPart(firstName)}.${emailPart(lastName)}.${intIn(rng, 100, 999)}@${domain}`,
        language: pick(rng, home.languages), accountName, countryName: home.name,
        creationDate: senarTimestamp(at.getTime(), intIn(rng, 0, 9999)), profile: "Instructor",
      };
    },
  };
}

