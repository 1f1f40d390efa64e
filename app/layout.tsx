import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Senar Portal", template: "%s · Senar Portal" },
  description: "Training reports for organisations using Senar 3D/VR simulators.",
};

// Every page is rendered per request: the CSP nonce (proxy.ts) differs each time, and a page
// prerendered at build time would carry scripts without it, which the browser then refuses.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
