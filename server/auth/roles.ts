import "server-only";
// Role order: each role can do everything the roles below it can.
import type { Role } from "./auth-types";

const rank: Record<Role, number> = { VIEWER: 1, ADMIN: 2, OWNER: 3 };

export function roleAtLeast(role: Role, min: Role): boolean {
  return rank[role] >= rank[min];
}

export const roleLabel: Record<Role, string> = { OWNER: "Owner", ADMIN: "Admin", VIEWER: "Viewer" };
