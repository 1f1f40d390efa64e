import "server-only";
// Activities, CSV export and summary operations (filled in once the report filters exist).
import type { ApiOperation } from "./operations";

export function extraOperations(_common: Record<string, string>): ApiOperation[] {
  return [];
}
