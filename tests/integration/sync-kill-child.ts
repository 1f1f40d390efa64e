// Child process for the kill -9 test: runs one sync of a workspace (slowly, in small batches)
// until the parent kills it. Started with `node --conditions=react-server --import tsx`.
import { runSync } from "@/server/sync/run-sync";

const workspaceId = process.argv[2] ?? "";
await runSync(workspaceId, { trigger: "test-child", batchSize: Number(process.argv[3] ?? 100) });
process.exit(0);
