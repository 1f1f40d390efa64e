import "server-only";
// Choices for the filter bar, read from the small dimension tables the cache maintains
// (never from the activities).
import { db } from "@/server/db/client";
import { scenarioKey } from "@/lib/report-filters";

export type FilterOptions = {
  collections: { id: number; title: string }[];
  simulators: { id: number; collectionId: number | null; title: string }[];
  scenarios: { key: string; simulatorId: number; id: string; name: string }[];
  instructors: { id: string; name: string }[];
  companies: string[];
  costCenters: string[];
};

export async function getFilterOptions(workspaceId: string): Promise<FilterOptions> {
  const [collections, simulators, scenarios, instructors, companies, costCenters] = await Promise.all([
    db.collection.findMany({ where: { workspaceId }, orderBy: [{ title: "asc" }, { id: "asc" }] }),
    db.simulator.findMany({ where: { workspaceId }, orderBy: [{ title: "asc" }, { id: "asc" }] }),
    db.scenario.findMany({ where: { workspaceId }, orderBy: [{ simulatorId: "asc" }, { id: "asc" }], take: 2000 }),
    db.instructor.findMany({ where: { workspaceId }, orderBy: [{ lastName: "asc" }, { firstName: "asc" }], take: 2000 }),
    db.company.findMany({ where: { workspaceId }, orderBy: { name: "asc" }, take: 2000 }),
    db.costCenter.findMany({ where: { workspaceId }, orderBy: { name: "asc" }, take: 2000 }),
  ]);
  return {
    collections: collections.map((c) => ({ id: c.id, title: c.title ?? `Collection ${c.id}` })),
    simulators: simulators.map((s) => ({ id: s.id, collectionId: s.collectionId, title: s.title ?? `Simulator ${s.id}` })),
    scenarios: scenarios.map((s) => ({ key: scenarioKey(s.simulatorId, s.id), simulatorId: s.simulatorId, id: s.id, name: s.name ?? s.id })),
    instructors: instructors.map((i) => ({ id: i.id, name: [i.firstName, i.lastName].filter(Boolean).join(" ") || i.email || i.id })),
    companies: companies.map((c) => c.name).filter((n) => n.trim() !== ""),
    costCenters: costCenters.map((c) => c.name).filter((n) => n.trim() !== ""),
  };
}
