import "server-only";
// Reads of the cached Senar collections, for pickers (the add-user form).
import type { WorkspaceScope } from "@/server/auth/scope";
import { db } from "@/server/db/client";

export type CollectionChoice = { id: number; title: string | null };

/** Every collection of the workspace, by title then id, for a checkbox list. */
export async function collectionChoices({ workspaceId }: WorkspaceScope): Promise<CollectionChoice[]> {
  return db.collection.findMany({ where: { workspaceId }, select: { id: true, title: true }, orderBy: [{ title: "asc" }, { id: "asc" }] });
}
