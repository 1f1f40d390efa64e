// Runs once when a server instance starts (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request is read: the socket peer becomes the trusted last X-Forwarded-For hop.
  (await import("./server/auth/peer-address")).stampPeerAddress();
  const { boot } = await import("./server/boot");
  try {
    await boot();
  } catch (err) {
    // Next logs a failed register() and keeps serving, broken. An environment or a data folder
    // the portal cannot use is a start-up error: one line, and the server stops.
    const name = err instanceof Error ? err.name : "";
    if (name !== "EnvError" && name !== "EmbeddedFolderError") throw err;
    console.error(`The portal cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
}
