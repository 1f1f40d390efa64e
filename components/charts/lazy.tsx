"use client";
// Charts load after the page (recharts stays out of the first-load JS); the data is already in
// the HTML as the accessible table next to each chart.
import dynamic from "next/dynamic";

const placeholder = (h: number) =>
  function ChartLoading() {
    return <div aria-hidden className="animate-pulse rounded-md bg-slate-100" style={{ height: h }} />;
  };

export const TrendChart = dynamic(() => import("./trend-chart"), { ssr: false, loading: placeholder(260) });
export const LearningCurveChart = dynamic(() => import("./learning-curve-chart"), { ssr: false, loading: placeholder(280) });
export const SimpleBarChart = dynamic(() => import("./bar-chart"), { ssr: false, loading: placeholder(220) });
