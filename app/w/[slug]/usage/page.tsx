// Consumption metrics: records received per day (last 30 days), by source and type.
import type { Metadata } from "next";
import { UsageChart } from "@/components/sync/usage-chart-lazy";
import { Card } from "@/components/ui/card";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { requireMember } from "@/server/auth/guards";
import { usageByDay } from "@/server/data/usage-by-day";

export const metadata: Metadata = { title: "Usage" };

const COLS = ["sync activity", "webhook activity", "sync user", "webhook user"] as const;
const LABELS: Record<(typeof COLS)[number], string> = {
  "sync activity": "Activities by sync",
  "webhook activity": "Activities by webhook",
  "sync user": "Users by sync",
  "webhook user": "Users by webhook",
};

export default async function UsagePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireMember(slug);
  const rows = await usageByDay(ctx.scope, 30);
  const byDay = new Map<string, Record<string, string | number>>();
  for (const r of rows) {
    const d = byDay.get(r.day) ?? { day: r.day, ...Object.fromEntries(COLS.map((c) => [c, 0])) };
    d[`${r.source} ${r.type}`] = r.count;
    byDay.set(r.day, d);
  }
  const data = [...byDay.values()];
  const total = rows.reduce((n, r) => n + r.count, 0);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold text-slate-900">Usage</h1>
      <Card title="Records received per day" description={`Last 30 days, by source (sync or webhook) and type: ${total.toLocaleString("en")} records in all.`}>
        {data.length === 0 ? <p className="text-sm text-slate-600">Nothing received in the last 30 days.</p> : <UsageChart data={data} />}
      </Card>
      {data.length > 0 && (
        <TableFrame label="Records received per day">
          <Table>
            <caption className="sr-only">Records received per day by source and type</caption>
            <thead>
              <tr>
                <Th>Day</Th>
                {COLS.map((c) => (
                  <Th key={c} numeric>
                    {LABELS[c]}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr key={String(d.day)}>
                  <Td>{d.day}</Td>
                  {COLS.map((c) => (
                    <Td key={c} numeric>
                      {Number(d[c]).toLocaleString("en")}
                    </Td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        </TableFrame>
      )}
    </div>
  );
}
