"use client";
// Score against attempt number, one line per scenario, with the pass mark as a reference line.
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type CurveSeries = { key: string; label: string; points: { attempt: number; score: number | null }[] };
const COLORS = ["#0f766e", "#7c3aed", "#c2410c", "#0369a1", "#be123c", "#4d7c0f"];

export default function LearningCurveChart({ series, passMark }: { series: CurveSeries[]; passMark: number }) {
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.attempt)));
  const rows = Array.from({ length: max }, (_, i) => {
    const row: Record<string, number | null> = { attempt: i + 1 };
    for (const s of series) {
      const p = s.points.find((x) => x.attempt === i + 1);
      row[s.key] = p?.score == null ? null : Math.round(p.score * 1000) / 10;
    }
    return row;
  });
  return (
    <ResponsiveContainer width="100%" height={280} initialDimension={{ width: 800, height: 280 }}>
      <LineChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 12, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="attempt" tick={{ fontSize: 11, fill: "#475569" }} label={{ value: "Attempt", position: "insideBottom", offset: -4, fontSize: 11, fill: "#475569" }} />
        <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 11, fill: "#475569" }} width={44} />
        <Tooltip formatter={(v) => (typeof v === "number" ? `${v.toFixed(1)} %` : v)} labelFormatter={(l) => `Attempt ${l}`} />
        <Legend wrapperStyle={{ fontSize: 12, paddingTop: 8 }} />
        <ReferenceLine y={passMark * 100} stroke="#94a3b8" strokeDasharray="4 4" label={{ value: "Pass mark", fontSize: 10, fill: "#475569", position: "insideTopRight" }} />
        {series.map((s, i) => (
          <Line key={s.key} dataKey={s.key} name={s.label} stroke={COLORS[i % COLORS.length]} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
