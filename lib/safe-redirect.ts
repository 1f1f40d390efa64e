/** A same-site path to return to after signing in; anything else falls back to `fallback`. */
export function safeCallback(value: string | null | undefined, fallback = "/w"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
