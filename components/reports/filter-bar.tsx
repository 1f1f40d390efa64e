// The filter form of report pages. A GET form (next/form: client-side navigation when JS is on,
// a plain GET otherwise), so every filter lands in the URL and a link reproduces the view.
import Form from "next/form";
import Link from "next/link";
import { ACTIVITY_COLUMNS, COLUMN_LABELS, RANGE_LABELS, RANGE_PRESETS, type ActivityColumn } from "@/lib/report-filters";
import type { FilterOptions } from "@/server/data/reports/filter-options";

export type FilterField = "range" | "collection" | "simulator" | "scenario" | "instructor" | "company" | "costCenter" | "q" | "result";
type Values = Partial<Record<FilterField | "from" | "to", string | number | undefined>>;

const input =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm focus:border-brand-600 focus:outline-2 focus:outline-offset-0 focus:outline-brand-600";
const label = "block text-xs font-medium text-slate-700";

export function FilterBar({ action, values, options, fields, hidden = {}, columns, resetHref }: {
  action: string;
  values: Values;
  options: FilterOptions;
  fields: FilterField[];
  /** State that the form does not edit but must keep (sort, page size, breakdown dimension…). */
  hidden?: Record<string, string | undefined>;
  /** When given, a column picker for the activities table. */
  columns?: ActivityColumn[];
  resetHref: string;
}) {
  const has = (f: FilterField) => fields.includes(f);
  const v = (k: keyof Values) => (values[k] === undefined ? "" : String(values[k]));
  const simulators = values.collection !== undefined ? options.simulators.filter((s) => s.collectionId === Number(values.collection)) : options.simulators;
  const simIds = new Set(simulators.map((s) => s.id));
  const scenarios = options.scenarios.filter((s) => (values.simulator !== undefined ? s.simulatorId === Number(values.simulator) : simIds.has(s.simulatorId)));
  const simTitle = new Map(options.simulators.map((s) => [s.id, s.title]));
  return (
    <Form action={action} className="no-print mb-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label="Filters">
      {Object.entries(hidden).map(([k, val]) => (val === undefined ? null : <input key={k} type="hidden" name={k} value={val} />))}
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6">
        {has("range") && (
          <>
            <div>
              <label htmlFor="f-range" className={label}>Period</label>
              <select id="f-range" name="range" defaultValue={v("range") || "30d"} className={input}>
                {RANGE_PRESETS.map((p) => (
                  <option key={p} value={p}>{RANGE_LABELS[p]}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="f-from" className={label}>From <span className="font-normal text-slate-500">(custom)</span></label>
              <input id="f-from" type="date" name="from" defaultValue={v("from")} className={input} />
            </div>
            <div>
              <label htmlFor="f-to" className={label}>To <span className="font-normal text-slate-500">(custom)</span></label>
              <input id="f-to" type="date" name="to" defaultValue={v("to")} className={input} />
            </div>
          </>
        )}
        {has("collection") && (
          <div>
            <label htmlFor="f-collection" className={label}>Collection</label>
            <select id="f-collection" name="collection" defaultValue={v("collection")} className={input}>
              <option value="">All collections</option>
              {options.collections.map((c) => (
                <option key={c.id} value={c.id}>{c.title}</option>
              ))}
            </select>
          </div>
        )}
        {has("simulator") && (
          <div>
            <label htmlFor="f-simulator" className={label}>Simulator</label>
            <select id="f-simulator" name="simulator" defaultValue={v("simulator")} className={input}>
              <option value="">All simulators</option>
              {simulators.map((s) => (
                <option key={s.id} value={s.id}>{s.title}</option>
              ))}
            </select>
          </div>
        )}
        {has("scenario") && (
          <div>
            <label htmlFor="f-scenario" className={label}>Scenario</label>
            <select id="f-scenario" name="scenario" defaultValue={v("scenario")} className={input}>
              <option value="">All scenarios</option>
              {scenarios.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.name}
                  {values.simulator === undefined ? ` · ${simTitle.get(s.simulatorId) ?? s.simulatorId}` : ""}
                </option>
              ))}
            </select>
          </div>
        )}
        {has("instructor") && (
          <div>
            <label htmlFor="f-instructor" className={label}>Instructor</label>
            <select id="f-instructor" name="instructor" defaultValue={v("instructor")} className={input}>
              <option value="">All instructors</option>
              {options.instructors.map((i) => (
                <option key={i.id} value={i.id}>{i.name}</option>
              ))}
            </select>
          </div>
        )}
        {has("company") && (
          <div>
            <label htmlFor="f-company" className={label}>Company</label>
            <select id="f-company" name="company" defaultValue={v("company")} className={input}>
              <option value="">All companies</option>
              {options.companies.map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </select>
          </div>
        )}
        {has("costCenter") && (
          <div>
            <label htmlFor="f-costCenter" className={label}>Cost centre</label>
            <select id="f-costCenter" name="costCenter" defaultValue={v("costCenter")} className={input}>
              <option value="">All cost centres</option>
              {options.costCenters.map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </select>
          </div>
        )}
        {has("result") && (
          <div>
            <label htmlFor="f-result" className={label}>Result</label>
            <select id="f-result" name="result" defaultValue={v("result")} className={input}>
              <option value="">Pass and fail</option>
              <option value="pass">Passed only</option>
              <option value="fail">Failed only</option>
            </select>
          </div>
        )}
        {has("q") && (
          <div className="col-span-2 md:col-span-1">
            <label htmlFor="f-q" className={label}>Trainee</label>
            <input id="f-q" type="search" name="q" defaultValue={v("q")} placeholder="Name, e-mail or ID" className={input} />
          </div>
        )}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="submit" className="rounded-md bg-brand-600 px-3.5 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          Apply filters
        </button>
        <Link href={resetHref} className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
          Reset
        </Link>
        {columns && (
          <details className="relative">
            <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
              Columns ({columns.length})
            </summary>
            <fieldset className="absolute z-20 mt-1 grid w-72 grid-cols-2 gap-1 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
              <legend className="sr-only">Columns to show</legend>
              {ACTIVITY_COLUMNS.map((c) => (
                <label key={c} className="flex items-center gap-2 text-sm text-slate-800">
                  <input type="checkbox" name="cols" value={c} defaultChecked={columns.includes(c)} className="accent-brand-600" />
                  {COLUMN_LABELS[c]}
                </label>
              ))}
            </fieldset>
          </details>
        )}
      </div>
    </Form>
  );
}
