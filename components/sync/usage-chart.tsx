"use client";
// Records received per day, stacked by source and type (recharts; the page has the table too).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export const SERIES = [
  { key: "sync activity", color: "#0f766e" },
  { key: "webhook activity", color: "#14b8a6" },
  { key: "sync user", color: "#6d28d9" },
  { key: "webhook user", color: "#a78bfa" },
] as const;

export default function UsageChart({ data }: { data: Record<string, string | number>[] }) {
  return (
    <ResponsiveContainer width="100%" height={280} initialDimension={{ width: 800, height: 280 }}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="day" tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} minTickGap={12} />
        <YAxis tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} width={56} allowDecimals={false} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {SERIES.map((s) => (
          <Bar key={s.key} dataKey={s.key} stackId="a" fill={s.color} maxBarSize={48} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
