import { Suspense, type ReactNode } from "react";
import { ReportSkeleton } from "@/components/ui/skeleton";
import { requireMember } from "@/server/auth/guards";

type PageProps = { params: Promise<{ slug: string }> };

/**
 * A report page that authorizes before anything streams, then streams the report behind a
 * skeleton. A route-level loading.tsx would flush a 200 before the page's own check ran, so an
 * outsider would get the not-found page with status 200; checking first keeps it a real 404.
 */
export function authorizedReport<P extends PageProps>(Report: (props: P) => Promise<ReactNode>, skeletonRows = 12) {
  return async function AuthorizedReportPage(props: P) {
    await requireMember((await props.params).slug);
    return (
      <Suspense fallback={<ReportSkeleton rows={skeletonRows} />}>
        <Report {...props} />
      </Suspense>
    );
  };
}
