import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Senar Portal", template: "%s · Senar Portal" },
  description: "Training reports for organisations using Senar 3D/VR simulators.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
