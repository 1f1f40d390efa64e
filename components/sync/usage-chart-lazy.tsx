"use client";
// The usage chart loads after the page; the same figures are in the table below it.
import dynamic from "next/dynamic";

export const UsageChart = dynamic(() => import("./usage-chart"), {
  ssr: false,
  loading: () => <div aria-hidden className="h-[280px] animate-pulse rounded-md bg-slate-100" />,
});
