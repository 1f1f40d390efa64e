import { ReportSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <ReportSkeleton rows={12} />;
}
