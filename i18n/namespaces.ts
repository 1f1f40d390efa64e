// One catalog file per area and language (messages/<locale>/<namespace>.json), so translators
// converting different areas never edit the same file. docs/I18N.md says which files own which.
export const NAMESPACES = [
  "common",
  "auth",
  "workspaces",
  "dashboard",
  "reports",
  "activities",
  "breakdowns",
  "trainees",
  "matrix",
  "senarUsers",
  "sync",
  "usage",
  "settings",
  "account",
  "apiDocs",
  "errors",
  "email",
] as const;
export type Namespace = (typeof NAMESPACES)[number];
