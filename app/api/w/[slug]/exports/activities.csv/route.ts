// GET /api/w/[slug]/exports/activities.csv: the activities explorer's filtered set as CSV, streamed.
import { DEFAULT_COLUMNS, reportFiltersSchema, resolveRange } from "@/lib/report-filters";
import { workspaceAuth } from "@/server/auth/guards";
import { recordExport } from "@/server/commands/exports";
import { streamActivities } from "@/server/data/reports/activities";
import { exportFilters } from "@/server/data/reports/export-filters";
import { activityCsvHeader, activityCsvLine, csvColumns } from "@/server/data/reports/activity-csv";
import { csvFilename, csvResponse } from "@/server/http/csv";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ auth: workspaceAuth() }, async ({ req, auth }) => {
  const f = exportFilters(reportFiltersSchema, req);
  const ctx = auth.scope;
  const range = resolveRange(f, ctx.timeZone);
  const cols = csvColumns(f.cols ?? DEFAULT_COLUMNS);
  await recordExport(auth, "activities.csv", { from: range.from, to: range.to, filters: Object.fromEntries(new URL(req.url).searchParams) });
  return csvResponse(csvFilename(auth.workspace.slug, "activities", ctx.timeZone), activityCsvHeader(cols), streamActivities(ctx, f, 5_000), (r) =>
    activityCsvLine(r, cols, ctx.timeZone),
  );
});
