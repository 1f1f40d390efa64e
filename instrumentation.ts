// Runs once when a server instance starts (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request is read: the socket peer becomes the trusted last X-Forwarded-For hop.
  (await import("./server/auth/peer-address")).stampPeerAddress();
  const { boot } = await import("./server/boot");
  await boot();
}
