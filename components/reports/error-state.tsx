"use client";
// The error boundary body of report pages: says what happened and offers a retry.
import { useEffect } from "react";

export function ReportError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-6 py-10 text-center">
      <p className="text-base font-medium text-red-900">This report could not be loaded.</p>
      <p className="mt-1 text-sm text-red-800">
        The database may be busy or unreachable. Try again in a moment{error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-red-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-red-800">
        Try again
      </button>
    </div>
  );
}
