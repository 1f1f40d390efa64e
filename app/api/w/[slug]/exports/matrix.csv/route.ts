// GET /api/w/[slug]/exports/matrix.csv: the competency matrix (every trainee row) as CSV, streamed.
import { matrixFiltersSchema } from "@/lib/report-filters";
import { workspaceAuth } from "@/server/auth/guards";
import { recordExport } from "@/server/commands/exports";
import { exportFilters } from "@/server/data/reports/export-filters";
import { firstCollectionId, getMatrixColumns, streamMatrix, type MatrixRow } from "@/server/data/reports/matrix";
import { csvFilename, csvLine, csvPercent, csvResponse } from "@/server/http/csv";
import { AppError } from "@/server/http/errors";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ auth: workspaceAuth() }, async ({ req, auth }) => {
  const f = exportFilters(matrixFiltersSchema, req);
  const ctx = auth.scope;
  const collectionId = f.collection ?? (await firstCollectionId(ctx.workspaceId));
  if (collectionId == null) throw new AppError("not_found", "This workspace has no collections yet.");
  const columns = await getMatrixColumns(ctx, collectionId);
  await recordExport(auth, "matrix.csv", { collection: collectionId, ...f });
  // Cells hold the best score in %; empty means not attempted. Pass marks are in the header.
  const header = [
    "Trainee",
    "Trainee ID",
    "Company",
    ...columns.map((c) => `${c.simulator} / ${c.name} (pass ${Math.round(c.passMark * 100)} %)`),
    "Scenarios passed",
    "Scenarios attempted",
  ];
  async function* rows(): AsyncGenerator<MatrixRow[]> {
    for await (const chunk of streamMatrix(ctx, f, collectionId!)) yield chunk.rows;
  }
  const line = (r: MatrixRow) => csvLine([r.name, r.traineeId, r.company, ...columns.map((c) => csvPercent(r.cells[c.key]?.best ?? null)), r.passed, r.attempted]);
  return csvResponse(csvFilename(auth.workspace.slug, `matrix-collection-${collectionId}`, ctx.timeZone), header, rows(), line);
});
