import type { ComponentProps, ReactNode } from "react";

const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-2 focus:outline-offset-0 focus:outline-brand-600 disabled:bg-slate-100 aria-[invalid=true]:border-red-600";

/** A labelled input with an optional hint and error, wired with aria-describedby. */
export function Field({ label, hint, error, id, className = "", ...props }: ComponentProps<"input"> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  id: string;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input id={id} className={`mt-1 ${inputClass}`} aria-describedby={describedBy} aria-invalid={error ? true : undefined} {...props} />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A labelled select. It is keyed by its defaultValue: React resets a form after its server action
 * runs, and a select resets to the option it was first mounted with, so after a save it would
 * show the old value. A new key mounts it afresh with the saved one.
 */
export function SelectField({ label, hint, id, children, className = "", ...props }: ComponentProps<"select"> & {
  label: ReactNode;
  hint?: ReactNode;
  id: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select key={String(props.defaultValue ?? "")} id={id} className={`mt-1 ${inputClass}`} aria-describedby={hint ? `${id}-hint` : undefined} {...props}>
        {children}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}
