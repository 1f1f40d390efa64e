import "server-only";
// Tenant-scoped reads of the cached Senar users (the directory, the API's /users), with
// search across names and email, a whitelisted sort and Attensa-style paging.
import type { WorkspaceScope } from "@/server/auth/scope";
import { db, type Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { offsetOf, pagingBlock, type PagingBlock, type PagingQuery } from "./paging-block";

export const USER_SORT_FIELDS = ["lastName", "firstName", "email", "creationDate", "language", "profile", "countryName"] as const;
export type UserSortField = (typeof USER_SORT_FIELDS)[number];

export type SenarUserDto = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  language: string | null;
  accountName: string | null;
  countryName: string | null;
  profile: string | null;
  /** ISO-8601 UTC. */
  creationDate: string | null;
};

const select = {
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  language: true,
  accountName: true,
  countryName: true,
  profile: true,
  creationDate: true,
} as const;

type Row = Prisma.SenarUserGetPayload<{ select: typeof select }>;

export function toUserDto(r: Row): SenarUserDto {
  return { ...r, creationDate: r.creationDate ? r.creationDate.toISOString() : null };
}

/** Every word of the term must match a name or the email (so "jon doe" finds Jon Doe). */
function termWhere(term: string | undefined): Prisma.SenarUserWhereInput[] {
  const words = (term ?? "").split(/\s+/).filter(Boolean).slice(0, 5);
  return words.map((w) => ({
    OR: [
      { firstName: { contains: w, mode: "insensitive" } },
      { lastName: { contains: w, mode: "insensitive" } },
      { email: { contains: w, mode: "insensitive" } },
      { id: w },
    ],
  }));
}

export async function listSenarUsers(
  { workspaceId }: WorkspaceScope,
  q: PagingQuery<UserSortField>,
  client: Db = db,
): Promise<{ _paging: PagingBlock; users: SenarUserDto[] }> {
  const where: Prisma.SenarUserWhereInput = { workspaceId, presentAtSource: true, AND: termWhere(q.term) };
  const dir: Prisma.SortOrder = q.sortDirection === "DESC" ? "desc" : "asc";
  // Nulls last either way, then id, so pages never overlap or skip rows.
  const orderBy: Prisma.SenarUserOrderByWithRelationInput[] = [{ [q.sort]: { sort: dir, nulls: "last" } }];
  if (q.sort === "lastName") orderBy.push({ firstName: { sort: dir, nulls: "last" } });
  orderBy.push({ id: "asc" });
  const [total, rows] = await Promise.all([
    client.senarUser.count({ where }),
    client.senarUser.findMany({
      where,
      select,
      orderBy,
      skip: offsetOf(q),
      take: q.rows,
    }),
  ]);
  return { _paging: pagingBlock(total, q, rows.length), users: rows.map(toUserDto) };
}

export async function getSenarUser({ workspaceId }: WorkspaceScope, id: string, client: Db = db): Promise<SenarUserDto | null> {
  const r = await client.senarUser.findUnique({ where: { workspaceId_id: { workspaceId, id } }, select });
  return r ? toUserDto(r) : null;
}

export type UserSession = {
  id: string;
  trainingDate: string | null;
  traineeName: string;
  company: string | null;
  collectionTitle: string | null;
  simulatorTitle: string | null;
  scenarioName: string | null;
  totalPoints: number | null;
  totalMaxPoints: number | null;
  scorePct: number | null;
  totalSec: number | null;
};

/** The sessions a Senar user ran (newest first), with their total, for the user page. */
export async function senarUserSessions(
  { workspaceId }: WorkspaceScope,
  userId: string,
  opts: { page: number; rows: number },
  client: Db = db,
): Promise<{ _paging: PagingBlock; sessions: UserSession[] }> {
  const where = { workspaceId, userId };
  const [total, rows] = await Promise.all([
    client.activity.count({ where }),
    client.activity.findMany({
      where,
      orderBy: [{ trainingDate: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      skip: offsetOf(opts),
      take: opts.rows,
      select: {
        id: true,
        trainingDate: true,
        firstName: true,
        lastName: true,
        company: true,
        collectionTitle: true,
        simulatorTitle: true,
        scenarioName: true,
        totalPoints: true,
        totalMaxPoints: true,
        scorePct: true,
        totalSec: true,
      },
    }),
  ]);
  return {
    _paging: pagingBlock(total, opts, rows.length),
    sessions: rows.map((r) => ({
      id: r.id.toString(),
      trainingDate: r.trainingDate?.toISOString() ?? null,
      traineeName: [r.firstName, r.lastName].filter(Boolean).join(" ") || "—",
      company: r.company,
      collectionTitle: r.collectionTitle,
      simulatorTitle: r.simulatorTitle,
      scenarioName: r.scenarioName,
      totalPoints: r.totalPoints,
      totalMaxPoints: r.totalMaxPoints,
      scorePct: r.scorePct,
      totalSec: r.totalSec,
    })),
  };
}
