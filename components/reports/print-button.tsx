"use client";
// Prints the report; the print stylesheet hides navigation and controls.
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
    >
      <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4 text-slate-500">
        <path d="M5 2h10v4H5zM3 7h14a2 2 0 0 1 2 2v5h-4v4H5v-4H1V9a2 2 0 0 1 2-2zm4 7v2h6v-2z" />
      </svg>
      Print
    </button>
  );
}
