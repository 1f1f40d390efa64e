"use client";
// A simple vertical bar chart (e.g. registrations per month).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export default function SimpleBarChart({ data, name }: { data: { label: string; value: number }[]; name: string }) {
  return (
    <ResponsiveContainer width="100%" height={220} initialDimension={{ width: 800, height: 220 }}>
      <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} interval="preserveStartEnd" minTickGap={12} />
        <YAxis tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} width={40} allowDecimals={false} />
        <Tooltip />
        <Bar dataKey="value" name={name} fill="#14b8a6" radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
