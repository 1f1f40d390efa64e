// A sync run's status as a coloured, labelled badge (colour is never the only cue).
const styles = {
  SUCCEEDED: ["Succeeded", "bg-emerald-50 text-emerald-800 ring-emerald-200"],
  PARTIAL: ["Partial", "bg-amber-50 text-amber-900 ring-amber-200"],
  FAILED: ["Failed", "bg-red-50 text-red-800 ring-red-200"],
  RUNNING: ["Running", "bg-sky-50 text-sky-800 ring-sky-200"],
} as const;

export function StatusBadge({ status, queued }: { status: keyof typeof styles; queued?: boolean }) {
  const [label, cls] = styles[status];
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${cls}`}>
      {status === "RUNNING" && queued ? "Queued" : label}
    </span>
  );
}
