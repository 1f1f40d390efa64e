"use client";
// Weekly sessions (bars) and average score (line) on two axes.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TrendDatum = { label: string; sessions: number; score: number | null };

export default function TrendChart({ data }: { data: TrendDatum[] }) {
  return (
    <ResponsiveContainer width="100%" height={260} initialDimension={{ width: 800, height: 260 }}>
      <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} interval="preserveStartEnd" minTickGap={16} />
        <YAxis yAxisId="s" tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} width={44} allowDecimals={false} />
        <YAxis yAxisId="p" orientation="right" domain={[0, 100]} unit="%" tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} width={44} />
        <Tooltip formatter={(v, name) => (name === "Average score" && typeof v === "number" ? `${v.toFixed(1)} %` : v)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="s" dataKey="sessions" name="Sessions" fill="#5eead4" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        <Line yAxisId="p" dataKey="score" name="Average score" stroke="#0f766e" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
